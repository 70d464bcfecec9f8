import type { ButtonHTMLAttributes } from 'react';
import { buttonClass, type ButtonSize, type ButtonVariant } from './styles';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the one main action of a panel; secondary: the rest; subtle: no frame; danger: destroys or replaces. */
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** The app's button. `type` is "button" unless said otherwise, so no button submits a form by accident. */
export function Button({ variant = 'secondary', size = 'md', type = 'button', className, ...props }: ButtonProps) {
  return <button type={type} className={className ? `${buttonClass(variant, size)} ${className}` : buttonClass(variant, size)} {...props} />;
}
