import type { SelectHTMLAttributes } from 'react';
import { controlClass } from './styles';

/**
 * A native `<select>` in the app's style. It stays native (keyboard, screen readers and tests'
 * selectOption all work as the browser does); every attribute, `data-testid` included, is passed on.
 */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={className ? `${controlClass} ${className}` : controlClass} {...props} />;
}
