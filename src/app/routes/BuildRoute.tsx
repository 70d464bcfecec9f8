import BuilderPage from '../../features/builder/BuilderPage';
import type { RouteProps } from './routeProps';

/** #build: the token builder. Its work is held by App, so it is still there after a trip to the decoder. */
export default function BuildRoute({ builderSession, onBuilderSessionChange, onOpenInDecoder }: RouteProps) {
  return <BuilderPage session={builderSession} onSessionChange={onBuilderSessionChange} onOpenInDecoder={onOpenInDecoder} />;
}
