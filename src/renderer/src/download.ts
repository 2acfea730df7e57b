/** Saves text as a file through the browser's download path (Electron shows a save dialog). */
export function saveTextFile(fileName: string, text: string, type: string): void {
  saveBlobFile(fileName, new Blob([text], { type }));
}

/** Saves bytes (a PNG, say) the same way. */
export function saveBlobFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
