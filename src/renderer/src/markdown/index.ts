export { Markdown, type MarkdownProps } from './Markdown';
export { defaultMarkdownLabels, type MarkdownLabels } from './markdownContext';
export {
  splitBlocks,
  splitIncremental,
  normalizeNewlines,
  type SourceBlock,
  type SplitState,
} from './splitBlocks';
export { classifyImage, type ImageSource } from './urlPolicy';
