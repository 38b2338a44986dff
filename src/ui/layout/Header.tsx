/**
 * The header: brand, scenario picker with the current title and story, and the actions
 * (compare, Load lab, Present, Export, Copy link, the theme and help).
 */
import { useScenario } from '../hooks';
import { Brand, HeaderActions } from './HeaderActions';
import { ScenarioPicker } from './ScenarioPicker';
import { useSecondFrame } from './useSecondFrame';

/** Returns the app header. */
export function Header() {
  const scenario = useScenario();
  const second = useSecondFrame();
  return (
    <header className="header">
      <Brand />
      <div className="header-scenario">
        <ScenarioPicker />
        <p className="header-story" title={scenario.story}>
          {scenario.story}
        </p>
      </div>
      {second ? <HeaderActions /> : <div className="header-actions" />}
    </header>
  );
}
