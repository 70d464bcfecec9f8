import LearnPage from '../../features/learn/LearnPage';
import type { RouteProps } from './routeProps';

/** #learn: the explainer; a sample opens in the decoder. */
export default function LearnRoute({ onOpenSample }: RouteProps) {
  return <LearnPage onOpenSample={onOpenSample} />;
}
