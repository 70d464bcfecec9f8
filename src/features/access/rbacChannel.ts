import type { RbacRequest, RbacResponse } from '../../core/rbac/rbacSession';

/** Where Access requests go; one channel per pasted dump, closed when the paste changes. */
export interface RbacChannel {
  post(request: RbacRequest): void;
  close(): void;
}

/** Runs the engine on the main thread, in a task after the one that posted (as a worker would). */
export function openRbacChannel(onMessage: (message: RbacResponse) => void): RbacChannel {
  let closed = false;
  const engine = import('./mainThreadRbac').then(({ mainThreadRbac }) => mainThreadRbac((m) => !closed && onMessage(m)));
  return {
    post: (request) => void engine.then((e) => !closed && e.post(request)),
    close: () => {
      closed = true;
    },
  };
}
