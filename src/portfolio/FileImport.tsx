/**
 * The assessment page's import, loaded when the user picks files: reads and checks them, stores the
 * good ones (opening the assessment when exactly one came in) and shows what happened or what needs
 * deciding. Kept out of the page's first load.
 */
import { useEffect } from 'react';
import { ImportOutcome } from './ImportOutcome';
import { fileSources, useImport } from './use-import';

export function FileImport({ files, onClose }: { files: readonly File[]; onClose: () => void }) {
  const imp = useImport();
  const { start } = imp;
  useEffect(() => {
    void fileSources(files).then((s) => start(s, true));
  }, [files, start]);
  return imp.state ? (
    <ImportOutcome
      state={imp.state}
      choose={imp.choose}
      chooseAll={imp.chooseAll}
      confirm={() => void imp.confirm()}
      dismiss={() => {
        imp.dismiss();
        onClose();
      }}
    />
  ) : null;
}
