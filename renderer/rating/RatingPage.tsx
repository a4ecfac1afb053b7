import { useEffect, useState } from 'react';
import { RATING_REASONS, RATING_SCORES, type AppErrorData, type ChannelOutput } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import './rating.css';

type Score = (typeof RATING_SCORES)[number];
type Reason = (typeof RATING_REASONS)[number];
type Target = ChannelOutput<'rating.target'>;
/** The thanks stay this long, then the screen waits for the next citizen. */
const THANKS_MS = 8000;

/** A face: the mouth curves up, stays flat or curves down. */
function Face({ score }: { score: Score }) {
  const mouth = { 'very-satisfied': 'M16 30 Q24 40 32 30', satisfied: 'M16 32 Q24 36 32 32', dissatisfied: 'M16 36 Q24 28 32 36' }[score];
  return (
    <svg aria-hidden="true" viewBox="0 0 48 48" width="96" height="96">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="17" cy="19" r="2.5" fill="currentColor" />
      <circle cx="31" cy="19" r="2.5" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The screen facing the citizen at a counter: "how was the service?" with three big faces and
 * optional reasons. The rating is of the counter's ticket, never of the citizen.
 */
export function RatingPage() {
  const both = useBoth();
  const [target, setTarget] = useState<Target | null>(null);
  const [score, setScore] = useState<Score | null>(null);
  const [reasons, setReasons] = useState<Reason[]>([]);
  const [thanked, setThanked] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    const load = () => void api.invoke('rating.target', {}).then((r) => (r.ok ? setTarget(r.value) : setError(r.error)));
    load();
    return api.on('queue.board', load);
  }, []);
  useEffect(() => {
    if (!thanked) return;
    const timer = window.setTimeout(() => {
      setThanked(false);
      setScore(null);
      setReasons([]);
    }, THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [thanked]);

  const send = async () => {
    if (!score) return;
    const r = await api.invoke('rating.submit', { score, reasons });
    if (!r.ok) return setError(r.error);
    setThanked(true);
    setTarget((t) => (t ? { ...t, rated: true } : t));
  };
  const toggle = (reason: Reason) => setReasons((rs) => (rs.includes(reason) ? rs.filter((x) => x !== reason) : [...rs, reason]));

  if (thanked) {
    return (
      <section className="rating" aria-labelledby="rating-title">
        <h1 id="rating-title">
          <Bilingual text={both('queue.rating.thanks')} />
        </h1>
      </section>
    );
  }
  return (
    <section className="rating" aria-labelledby="rating-title">
      <h1 id="rating-title">
        <Bilingual text={both('queue.rating.title')} />
      </h1>
      <ErrorMessage error={error} />
      {!target?.ticket || target.rated ? (
        <Bilingual as="p" className="rating-idle" text={both('queue.rating.idle')} />
      ) : (
        <>
          <Bilingual as="p" text={both('queue.rating.about', { ticket: target.ticket, counter: target.counter })} />
          <div className="rating-faces" role="radiogroup" aria-label={both('queue.rating.title').vi}>
            {RATING_SCORES.map((s) => (
              <button key={s} type="button" role="radio" aria-checked={score === s} className={`rating-face rating-${s}`} onClick={() => setScore(s)}>
                <Face score={s} />
                <Bilingual text={both(`queue.rating.score.${s}`)} />
              </button>
            ))}
          </div>
          {score && (
            <fieldset className="rating-reasons">
              <legend>
                <Bilingual text={both('queue.rating.reasons')} />
              </legend>
              {RATING_REASONS.map((reason) => (
                <label key={reason}>
                  <input type="checkbox" checked={reasons.includes(reason)} onChange={() => toggle(reason)} />
                  <Bilingual text={both(`queue.rating.reason.${reason}`)} />
                </label>
              ))}
            </fieldset>
          )}
          <Button disabled={!score} onClick={() => void send()}>
            <Bilingual text={both('queue.rating.send')} />
          </Button>
          <Bilingual as="p" className="hint" text={both('queue.rating.privacy')} />
        </>
      )}
    </section>
  );
}
