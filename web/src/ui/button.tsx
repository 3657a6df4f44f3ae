import type { ButtonHTMLAttributes } from 'react';

export function Button({ variant = 'primary', className, type = 'button', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'link' }) {
  return <button type={type} className={`button button-${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}
