// An error boundary per widget: a broken widget shows a message and a text to report, the rest of the
// page keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate, type Locale } from '../../i18n';

interface Props {
  /** Names the widget in the report. */
  name: string;
  locale: Locale;
  children: ReactNode;
  /** Changing this key clears the error (a new run, a new lesson). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  componentStack: string;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '', resetKey: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey)
      return { resetKey: props.resetKey, error: null, componentStack: '' };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    this.setState({ componentStack: info.componentStack ?? '' });
    console.error(`[${this.props.name}]`, error);
  }

  override render() {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    const { locale, name } = this.props;
    const report = [
      `widget: ${name}`,
      `page: ${typeof location === 'undefined' ? '' : location.href}`,
      `browser: ${typeof navigator === 'undefined' ? '' : navigator.userAgent}`,
      `error: ${error.name}: ${error.message}`,
      (error.stack ?? '').split('\n').slice(0, 8).join('\n'),
      componentStack.trim().split('\n').slice(0, 6).join('\n'),
    ].join('\n');
    return (
      <div className="widget-error" role="alert" data-testid="widget-error">
        <p className="widget-error__title">{translate(locale, 'error.title')}</p>
        <p>{translate(locale, 'error.body')}</p>
        <textarea className="widget-error__report" readOnly value={report} rows={6} aria-label="report" />
        <button type="button" onClick={() => this.setState({ error: null, componentStack: '' })}>
          {translate(locale, 'error.retry')}
        </button>
      </div>
    );
  }
}
