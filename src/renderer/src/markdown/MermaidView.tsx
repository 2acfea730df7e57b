import { useEffect, useState } from 'react';
import {
  Code2,
  Copy,
  FileImage,
  FileCode2,
  Image as ImageIcon,
  type LucideIcon,
} from 'lucide-react';
import { useLazyModule } from '../lazyModule';
import { saveBlobFile, saveTextFile } from '../download';
import { diagramRenderer } from './lazyRenderers';
import { diagramErrorText, svgDataUrl } from './diagramSvg';
import { useMarkdownEnvironment } from './markdownContext';
import { useDocumentTheme } from './useDocumentTheme';
import type { Diagram, DiagramTheme } from './mermaidRender';

/** How long an open fence must stay unchanged before it is drawn (an answer that ended open). */
export const DIAGRAM_SETTLE_MS = 1500;
const ICON = 15;

type Drawn =
  | { key: string; diagram: Diagram; error?: undefined }
  | { key: string; error: string; diagram?: undefined };

/**
 * The code to draw: a closed fence at once; an open one (still streaming) only once it has
 * stopped changing, so a streaming diagram is drawn once, not on every token.
 */
export function useSettledCode(code: string, closed: boolean): string | null {
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    if (closed) return;
    const timer = setTimeout(() => setSettled(code), DIAGRAM_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [code, closed]);
  if (closed) return code;
  return settled === code ? code : null;
}

/** A ```mermaid block: the diagram, or its source and the error when it cannot be drawn. */
export function MermaidView({ code, closed }: { code: string; closed: boolean }) {
  const { labels } = useMarkdownEnvironment();
  const renderer = useLazyModule(diagramRenderer);
  const theme: DiagramTheme = useDocumentTheme();
  const target = useSettledCode(code, closed);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [showSource, setShowSource] = useState(false);
  const key = target === null ? null : `${theme}\n${target}`;

  useEffect(() => {
    if (!renderer || target === null || key === null) return;
    let live = true;
    renderer.renderDiagram(target, theme).then(
      (diagram) => live && setDrawn({ key, diagram }),
      (error: unknown) => live && setDrawn({ key, error: diagramErrorText(error) }),
    );
    return () => {
      live = false;
    };
  }, [renderer, target, theme, key]);

  const current = drawn && drawn.key === key ? drawn : null;
  const diagram = current?.diagram;
  const failed = current?.error;

  const copy = (): void => {
    void navigator.clipboard?.writeText(code).catch(() => undefined);
  };
  const saveSvg = (): void => {
    if (diagram) saveTextFile('diagram.svg', diagram.svg, 'image/svg+xml');
  };
  const savePng = (): void => {
    if (diagram) void diagramPng(diagram).then((blob) => saveBlobFile('diagram.png', blob));
  };

  return (
    <div className="md-code md-diagram" data-testid="diagram">
      <div className="md-code-header">
        <span className="md-code-lang">mermaid</span>
        <span className="md-diagram-actions">
          <DiagramAction
            label={showSource ? labels.diagramShowDiagram : labels.diagramShowSource}
            pressed={showSource}
            onClick={() => setShowSource((v) => !v)}
            icon={showSource ? ImageIcon : Code2}
          />
          <DiagramAction label={labels.diagramCopy} onClick={copy} icon={Copy} />
          <DiagramAction
            label={labels.diagramSavePng}
            disabled={!diagram}
            onClick={savePng}
            icon={FileImage}
          />
          <DiagramAction
            label={labels.diagramSaveSvg}
            disabled={!diagram}
            onClick={saveSvg}
            icon={FileCode2}
          />
        </span>
      </div>
      {failed ? (
        <p className="md-diagram-error" role="alert">
          {labels.diagramFailed} <code>{failed}</code>
        </p>
      ) : null}
      {showSource || failed ? (
        <pre className="md-code-body">
          <code>{code}</code>
        </pre>
      ) : diagram ? (
        <div className="md-diagram-body">
          <img
            src={svgDataUrl(diagram.svg)}
            width={diagram.width}
            height={diagram.height}
            alt={labels.diagram}
            draggable={false}
          />
        </div>
      ) : (
        <div className="md-diagram-placeholder" role="status">
          {labels.diagramDrawing}
        </div>
      )}
    </div>
  );
}

/** The diagram as a PNG at twice its size (sharp on high-density screens). */
async function diagramPng(diagram: Diagram): Promise<Blob> {
  const image = new Image();
  image.src = svgDataUrl(diagram.svg);
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = diagram.width * scale;
  canvas.height = diagram.height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))), 'image/png'),
  );
}

/** One icon button of a diagram's header, named by its label (also its tooltip). */
function DiagramAction(props: {
  label: string;
  icon: LucideIcon;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
}): React.JSX.Element {
  const Icon = props.icon;
  return (
    <button
      type="button"
      className="md-code-copy"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      {...(props.pressed === undefined ? {} : { 'aria-pressed': props.pressed })}
      onClick={props.onClick}
    >
      <Icon size={ICON} aria-hidden="true" />
    </button>
  );
}
