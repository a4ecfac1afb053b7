import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterDossier } from '../../electron/contract';
import { SyncStatusPanel } from '../components/SyncStatusPanel';
import { AttentionPanel, useAttentionCount } from './AttentionPanel';
import { CasesPanel } from './CasesPanel';
import { CitizenReminders } from './CitizenReminders';
import { ComparisonPanel } from './ComparisonPanel';
import { DueListPanel } from './DueListPanel';
import { KeptDocumentsPanel } from './KeptDocumentsPanel';
import { QueuePanel } from './QueuePanel';
import { matchesShortcut } from './shortcuts';

export type ContextTab = 'citizen' | 'cases' | 'due' | 'kept' | 'attention' | 'compare' | 'system';
const TABS: { tab: ContextTab; key: string }[] = [
  { tab: 'citizen', key: 'walkIn.citizenTab' },
  { tab: 'cases', key: 'desk.casesTab' },
  { tab: 'due', key: 'desk.dueTab' },
  { tab: 'kept', key: 'print.keptTab' },
  { tab: 'attention', key: 'attention.tab' },
  { tab: 'compare', key: 'walkIn.compareTab' },
  { tab: 'system', key: 'walkIn.systemTab' },
];

export interface ContextProps {
  tab: ContextTab;
  onTab: (tab: ContextTab) => void;
  /** The citizen being served and what they released (their reminders show on the first tab); null before one is opened. */
  citizenKey: string | null;
  /** A receipt scanned or picked from the due list: the case tab opens it. */
  receiptCode: string | null;
  onOpenCase: (receiptCode: string) => void;
  onCorrect: (dossier: CounterDossier) => void;
  /** The citizen's prepared dossier, in the work pane: a reminder's "prepare" opens it there. */
  onPrepare: (formId: string, procedureCode: string | null) => void;
}

/**
 * The right pane: what surrounds the dossier in the left one. The citizen's reminders, the
 * case search, the due list, documents kept for reprinting, refused submissions, comparisons,
 * and the link to the centre; the queue, when this counter has one, above them. Alt+1…7 switch tabs; the tab list sits above its panel.
 */
export function ContextTabs(props: ContextProps) {
  const { t } = useTranslation();
  const { tab, onTab } = props;
  const attention = useAttentionCount();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const hit = TABS.findIndex((_, i) => matchesShortcut(e, `Alt+${i + 1}`));
      if (hit < 0) return;
      e.preventDefault();
      onTab(TABS[hit]!.tab);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onTab]);

  return (
    <aside className="counter-context" aria-label={t('desk.tabs')}>
      <QueuePanel />
      <div role="tablist" className="counter-tabs">
        {TABS.map((x, i) => (
          <button
            key={x.tab}
            type="button"
            role="tab"
            className={`counter-tab${tab === x.tab ? ' is-active' : ''}`}
            aria-selected={tab === x.tab}
            aria-keyshortcuts={`Alt+${i + 1}`}
            onClick={() => onTab(x.tab)}
          >
            {t(x.key)}
            {x.tab === 'attention' && attention > 0 && ` (${attention})`}
            <kbd aria-hidden="true">Alt+{i + 1}</kbd>
          </button>
        ))}
      </div>
      <div role="tabpanel" className="counter-tabpanel">
        <Panel {...props} />
      </div>
    </aside>
  );
}

function Panel({ tab, citizenKey, receiptCode, onOpenCase, onCorrect, onPrepare }: ContextProps): ReactNode {
  switch (tab) {
    case 'citizen':
      return <CitizenReminders key={citizenKey ?? 'none'} served={citizenKey !== null} onPrepare={onPrepare} />;
    case 'cases':
      return <CasesPanel receiptCode={receiptCode} />;
    case 'due':
      return <DueListPanel onOpen={onOpenCase} />;
    case 'kept':
      return <KeptDocumentsPanel />;
    case 'attention':
      return <AttentionPanel onCorrect={onCorrect} />;
    case 'compare':
      // Compared for the citizen being served, or for anyone; a new citizen starts a new comparison.
      return <ComparisonPanel key={citizenKey ?? 'anyone'} />;
    case 'system':
      return <SyncStatusPanel canSyncNow={false} />;
  }
}
