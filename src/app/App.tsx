import { LessonView } from './LessonView';
import { Playground } from './Playground';

/** The page: the lesson's text beside its playground (editors and machine diagram). */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-header__name">Codon Interop Lab</p>
        <p className="app-header__tagline">C++ and Codon on a simulated machine</p>
      </header>
      <main className="app-main">
        <LessonView />
        <Playground />
      </main>
    </div>
  );
}
