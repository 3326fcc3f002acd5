// The stepping controls: start, back, play/pause, forward, end, step over and out, speed, granularity,
// the scrubber over the whole run, and where the run is (which side, which foreign call).
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { StepKind } from '../../sim/trace/types';
import { usePlayer, usePlayerStore, useT } from '../context';
import { canMove, eventRange, type StepCommand } from '../player/stepping';
import { lineAt, sideAt, traceIndex } from '../player/trace-index';
import { stopSteps } from '../store/selectors';
import { PLAYBACK_SPEEDS } from '../store/types';
import { Icon, type IconName } from './icons';
import { boundaryCall } from '../../sim/trace/tables.ts';
import { stepCount, stepKindAt } from '../../sim/trace/reader.ts';

/** The stepping buttons and scrubber; the speed and granularity too unless `settings` is false (phones show them apart). */
export function Controls({ onHelp, settings = true }: { onHelp: () => void; settings?: boolean }) {
  const t = useT();
  const store = usePlayerStore();
  const { trace, step, eventEnd, playing, granularity, predictStops, programId, traceInput } = usePlayer(
    useShallow((s) => ({
      trace: s.trace,
      step: s.step,
      eventEnd: s.eventEnd,
      playing: s.playing,
      granularity: s.granularity,
      predictStops: s.predictStops,
      programId: s.programId,
      traceInput: s.traceInput,
    })),
  );
  const stops = useMemo(
    () => stopSteps({ trace, predictStops, programId, traceInput }),
    [trace, predictStops, programId, traceInput],
  );
  const total = trace ? stepCount(trace) : 0;
  const pos = { step, eventEnd };
  const can = (command: StepCommand) => (trace ? canMove(trace, pos, command, granularity) : false);
  const button = (command: StepCommand, icon: IconName, label: string, enabled = can(command)) => (
    <button
      type="button"
      className="controls__button"
      aria-label={label}
      title={label}
      disabled={!enabled}
      onClick={() => store.getState().command(command)}
    >
      <Icon name={icon} />
    </button>
  );
  const range = trace ? eventRange(trace, step) : { start: 0, end: 0 };
  const position = !trace
    ? t('player.no-run')
    : eventEnd === null
      ? t('controls.position', { step: step + 1, total })
      : t('controls.position-event', {
          step: step + 1,
          total,
          event: eventEnd - range.start,
          events: range.end - range.start,
        });
  const side = trace ? sideAt(trace, step) : 'runtime';
  const where = trace
    ? `${t(`controls.side.${side}`)}${lineAt(trace, step) > 0 ? ` · ${lineAt(trace, step)}` : ''}`
    : '';

  return (
    <div className="controls" role="group" aria-label={t('controls.region')}>
      <div className="controls__row">
        <div className="controls__buttons">
          {button('start', 'start', t('controls.start'))}
          {button('back', 'back', t('controls.back'))}
          <button
            type="button"
            className="controls__button controls__button--play"
            aria-label={playing ? t('controls.pause') : t('controls.play')}
            title={playing ? t('controls.pause') : t('controls.play')}
            disabled={!trace || total < 2}
            onClick={() => store.getState().togglePlay()}
          >
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          {button('forward', 'forward', t('controls.forward'))}
          {button('end', 'end', t('controls.end'))}
          <span className="controls__gap" />
          {button('over', 'over', t('controls.over'))}
          {button('out', 'out', t('controls.out'))}
        </div>
        <div className="controls__scrubber">
          <input
            type="range"
            min={0}
            max={Math.max(0, total - 1)}
            value={step}
            disabled={!trace}
            aria-label={t('controls.scrubber')}
            aria-valuetext={`${position}, ${where}`}
            onChange={(e) => store.getState().goTo({ step: Number(e.target.value), eventEnd: null })}
          />
          {trace && <ScrubberMarks stops={stops.map((s) => s.step)} total={total} />}
        </div>
        <span className="controls__position" data-testid="position">
          {position}
        </span>
      </div>
      <div className="controls__row controls__row--status">
        <BoundaryLine />
        {settings && <PlaybackSettings onHelp={onHelp} />}
      </div>
    </div>
  );
}

/** Ticks under the scrubber where the lesson's questions wait. */
function ScrubberMarks({ stops, total }: { stops: number[]; total: number }) {
  if (stops.length === 0 || total < 2) return null;
  return (
    <div className="controls__marks" aria-hidden="true">
      {stops.map((s) => (
        <span key={s} className="controls__mark" style={{ left: `${(s / (total - 1)) * 100}%` }} />
      ))}
    </div>
  );
}

/** Where control is: which side, and whether a call across the boundary is going on. */
function BoundaryLine() {
  const t = useT();
  const { trace, step } = usePlayer(useShallow((s) => ({ trace: s.trace, step: s.step })));
  if (!trace || stepCount(trace) === 0) return <p className="boundary-line" />;
  const side = sideAt(trace, step);
  const kind = stepKindAt(trace, step);
  const call = boundaryCall(trace.boundaryCalls, traceIndex(trace).boundary[step] ?? -1);
  let text = '';
  let state = 'none';
  if (call && kind === StepKind.BoundaryCall) {
    text = t('controls.boundary.in', { symbol: call.symbol });
    state = 'in';
  } else if (call && kind === StepKind.BoundaryReturn) {
    text = t('controls.boundary.back', { symbol: call.symbol });
    state = 'back';
  } else if (call && side !== 'codon') {
    text = t('controls.boundary.inside', { symbol: call.symbol, line: call.callerLoc.line });
    state = 'inside';
  }
  return (
    <p className={`boundary-line boundary-line--${side}`} data-boundary={state}>
      <span className={`side-chip side-chip--${side}`}>{t(`controls.side.${side}`)}</span>
      {text && <span className={`boundary-chip boundary-chip--${state}`}>{text}</span>}
    </p>
  );
}

/** Step granularity, playback speed and the shortcut list. */
export function PlaybackSettings({ onHelp }: { onHelp: () => void }) {
  const t = useT();
  const store = usePlayerStore();
  const { speedIndex, granularity } = usePlayer(
    useShallow((s) => ({ speedIndex: s.speedIndex, granularity: s.granularity })),
  );
  return (
    <div className="controls__settings">
      <label className="controls__field">
        <span>{t('controls.granularity')}</span>
        <select
          value={granularity}
          onChange={(e) => store.getState().setGranularity(e.target.value === 'event' ? 'event' : 'step')}
        >
          <option value="step">{t('controls.granularity.step')}</option>
          <option value="event">{t('controls.granularity.event')}</option>
        </select>
      </label>
      <label className="controls__field">
        <span>{t('controls.speed')}</span>
        <select value={speedIndex} onChange={(e) => store.getState().setSpeedIndex(Number(e.target.value))}>
          {PLAYBACK_SPEEDS.map((speed, i) => (
            <option key={speed} value={i}>
              {t('controls.speed-value', { n: speed })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="controls__button controls__button--help"
        aria-label={t('site.shortcuts')}
        title={t('site.shortcuts')}
        onClick={onHelp}
      >
        <Icon name="keyboard" />
      </button>
    </div>
  );
}
