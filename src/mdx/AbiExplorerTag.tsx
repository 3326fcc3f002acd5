import { useContext } from 'react';
import { PlayerContext, usePlayer } from '../app/context';
import { AbiExplorer } from '../explorer';

/** `<AbiExplorer type="..." definitions="..." />` in a lesson: the widget in the page's language. */
export function AbiExplorerTag({ type, definitions }: { type?: string; definitions?: string }) {
  const player = useContext(PlayerContext);
  if (!player) return <AbiExplorer initialType={type} initialDefinitions={definitions} locale="en" />;
  return <LiveExplorer type={type} definitions={definitions} />;
}

function LiveExplorer({ type, definitions }: { type?: string; definitions?: string }) {
  const locale = usePlayer((s) => s.locale);
  return <AbiExplorer initialType={type} initialDefinitions={definitions} locale={locale} />;
}
