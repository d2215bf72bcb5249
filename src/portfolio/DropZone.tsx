/**
 * Where files are dropped and share links pasted to import them: the files go to `onFiles`, the links
 * found in the pasted text to `onLinks`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linksIn } from './importer';

export function DropZone({ onFiles, onLinks }: { onFiles: (files: File[]) => void; onLinks: (links: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      <p>{t('portfolio:import.drop')}</p>
      <form
        className="paste-links"
        onSubmit={(e) => {
          e.preventDefault();
          const links = linksIn(pasted);
          if (!links.length) return;
          void onLinks(links).then(() => setPasted(''));
        }}
      >
        <label htmlFor="paste-links">{t('portfolio:import.paste')}</label>
        <textarea id="paste-links" rows={2} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} data-testid="paste-links" />
        <button type="submit" className="secondary small" disabled={!linksIn(pasted).length}>
          {t('portfolio:import.pasteButton')}
        </button>
      </form>
    </div>
  );
}
