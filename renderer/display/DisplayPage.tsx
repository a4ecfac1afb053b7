import { useEffect, useRef, useState } from 'react';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { useBoard, useHubStatus, type Board } from '../queue/useHub';
import { announcement } from './announce';
import { allowSound, chime, soundAllowed, speak, vietnameseVoice } from './voice';
import './display.css';

type Call = Board['calls'][number];
const CURRENT = 4;
const callKey = (c: Call) => `${c.at}|${c.number}|${c.counter}`;

/** The latest call of each counter, newest first: who should walk where now. */
function currentCalls(calls: readonly Call[]): Call[] {
  const seen = new Set<string>();
  return calls.filter((c) => !seen.has(c.counter) && seen.add(c.counter)).slice(0, CURRENT);
}

/**
 * The centre's TV: the current calls in very large type, the last calls beside them, and each
 * new call chimed and announced ("Mời số A015 đến quầy số 3").
 */
export function DisplayPage() {
  const both = useBoth();
  const board = useBoard();
  const hub = useHubStatus();
  const [sound, setSound] = useState(true);
  const heard = useRef<Set<string> | null>(null);
  const calls = board?.calls ?? [];
  const newest = calls[0];

  useEffect(() => setSound(soundAllowed()), []);
  // Each call is announced once; the board as first loaded is not announced again.
  useEffect(() => {
    if (!board) return;
    const keys = board.calls.map(callKey);
    if (heard.current === null) {
      heard.current = new Set(keys);
      return;
    }
    const fresh = board.calls.filter((c) => !heard.current!.has(callKey(c))).reverse();
    for (const c of fresh) {
      heard.current.add(callKey(c));
      chime();
      speak(announcement(c.number, c.counter).spoken);
    }
  }, [board]);

  const said = newest ? announcement(newest.number, newest.counter) : null;
  return (
    <section className="display" aria-labelledby="display-title">
      <h1 id="display-title" className="display-title">
        <Bilingual text={both('queue.display.title')} />
      </h1>
      {hub && hub.state !== 'online' && (
        <p className="display-offline" role="status">
          <Bilingual text={both(hub.state === 'unpaired' ? 'queue.hub.unpaired' : 'queue.hub.offline')} />
        </p>
      )}
      {!sound && (
        <Button variant="secondary" onClick={() => void allowSound().then(() => setSound(soundAllowed()))}>
          <Bilingual text={both('queue.display.soundOn')} />
        </Button>
      )}
      <div className="display-body">
        <ol className="display-current" aria-label={both('queue.display.current').vi}>
          {currentCalls(calls).map((c, i) => (
            <li key={callKey(c)} className={i === 0 ? 'display-call newest' : 'display-call'} data-testid="current-call">
              <span className="display-number">{c.number}</span>
              <span className="display-arrow" aria-hidden="true">
                →
              </span>
              <span className="display-counter">
                <span className="display-counter-label">
                  <Bilingual text={both('queue.display.counter')} />
                </span>
                <span className="display-counter-number">{c.counter}</span>
              </span>
            </li>
          ))}
        </ol>
        <aside className="display-last" aria-labelledby="display-last-title">
          <h2 id="display-last-title">
            <Bilingual text={both('queue.display.last')} />
          </h2>
          <ul>
            {calls.slice(0, 10).map((c) => (
              <li key={`last-${callKey(c)}`}>
                {c.number} → {c.counter}
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {said && (
        <p className="display-announcement" role="status" aria-live="assertive" data-testid="announcement">
          <span lang="vi">{said.text}</span> <span lang="en">{said.en}</span>
        </p>
      )}
      {!vietnameseVoice() && <Bilingual as="p" className="display-voice-note" text={both('queue.display.noVoice')} />}
    </section>
  );
}
