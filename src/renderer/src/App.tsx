export function App() {
  return <main>Fleece</main>;
}
