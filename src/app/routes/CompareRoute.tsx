import ComparePage from '../../features/compare/ComparePage';

/** #compare: two tokens side by side. Its own inputs; nothing shared with the other views. */
export default function CompareRoute() {
  return <ComparePage />;
}
