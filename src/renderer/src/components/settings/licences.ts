/**
 * The open-source parts shipped inside Fleece: each entry names the npm packages it stands for
 * and their licence as their package.json states it. A test checks this list against
 * package.json and node_modules, so a new dependency or a licence change fails the build.
 */
export interface ThirdParty {
  name: string;
  packages: readonly string[];
  licence: string;
}

/** The Markdown pipeline's parts, shipped in the renderer (see markdown/formatMarkdown.ts). */
const MARKDOWN_PACKAGES = [
  'unified',
  'remark-parse',
  'remark-rehype',
  'remark-gfm',
  'remark-math',
  'hast-util-to-jsx-runtime',
] as const;

export const THIRD_PARTY: readonly ThirdParty[] = [
  { name: 'Electron', packages: ['electron'], licence: 'MIT' },
  { name: 'React', packages: ['react', 'react-dom'], licence: 'MIT' },
  { name: 'Radix UI', packages: ['radix-ui'], licence: 'MIT' },
  { name: 'Lucide', packages: ['lucide-react'], licence: 'ISC' },
  { name: 'zustand', packages: ['zustand'], licence: 'MIT' },
  { name: 'i18next, react-i18next', packages: ['i18next', 'react-i18next'], licence: 'MIT' },
  { name: 'better-sqlite3', packages: ['better-sqlite3'], licence: 'MIT' },
  // better-sqlite3 bundles SQLite itself, which is in the public domain.
  { name: 'SQLite', packages: [], licence: 'Public domain' },
  { name: 'keytar', packages: ['keytar'], licence: 'MIT' },
  { name: 'undici', packages: ['undici'], licence: 'MIT' },
  { name: 'eventsource-parser', packages: ['eventsource-parser'], licence: 'MIT' },
  { name: 'gpt-tokenizer', packages: ['gpt-tokenizer'], licence: 'MIT' },
  { name: '@streamparser/json', packages: ['@streamparser/json'], licence: 'MIT' },
  { name: 'zod', packages: ['zod'], licence: 'MIT' },
  { name: 'sharp', packages: ['sharp'], licence: 'Apache-2.0' },
  // sharp's prebuilt binaries carry libvips, dynamically linked.
  { name: 'libvips', packages: [], licence: 'LGPL-3.0-or-later' },
  { name: 'unpdf', packages: ['unpdf'], licence: 'MIT' },
  // unpdf bundles Mozilla's pdf.js.
  { name: 'PDF.js', packages: [], licence: 'Apache-2.0' },
  { name: 'chardet', packages: ['chardet'], licence: 'MIT' },
  { name: MARKDOWN_PACKAGES.join(', '), packages: MARKDOWN_PACKAGES, licence: 'MIT' },
  { name: 'marked', packages: ['marked'], licence: 'MIT' },
  { name: 'KaTeX', packages: ['katex'], licence: 'MIT' },
  { name: 'lowlight', packages: ['lowlight'], licence: 'MIT' },
  { name: 'highlight.js', packages: ['highlight.js'], licence: 'BSD-3-Clause' },
  { name: 'Recharts', packages: ['recharts'], licence: 'MIT' },
  { name: 'TanStack Virtual', packages: ['@tanstack/react-virtual'], licence: 'MIT' },
  { name: 'electron-updater', packages: ['electron-updater'], licence: 'MIT' },
  { name: 'Mermaid', packages: ['mermaid'], licence: 'MIT' },
  // Mermaid bundles DOMPurify, which cleans every diagram's SVG.
  { name: 'DOMPurify', packages: [], licence: 'MPL-2.0 OR Apache-2.0' },
];

/**
 * The devDependencies that end up inside the app (the renderer bundle and the Electron runtime);
 * the rest are build and test tools.
 */
export const BUNDLED_DEV_DEPENDENCIES: readonly string[] = [
  'electron',
  'react',
  'react-dom',
  'radix-ui',
  'lucide-react',
  'zustand',
  'i18next',
  'react-i18next',
  ...MARKDOWN_PACKAGES,
  'marked',
  'katex',
  'lowlight',
  'recharts',
  'mermaid',
  '@tanstack/react-virtual',
];
