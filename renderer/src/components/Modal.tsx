import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

import { useCallsStore } from '../stores/calls-store';

interface Props {
  /** The dialog's name (its heading). */
  title: ReactNode;
  /** Whether the dialog is wanted; it still gives way while a call rings. */
  open: boolean;
  /** Escape or a click outside; leave out where the dialog must stay (the break). */
  onDismiss?(): void;
  /** Focused when the dialog opens (else the first control). */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  testId?: string;
  /** `alertdialog` for confirmations. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/** True while an incoming call rings: every modal gives way so the call's card is on top. */
export function useCallRinging(): boolean {
  return useCallsStore((store) =>
    store.calls.some((call) => call.direction === 'inbound' && call.state === 'ringing'),
  );
}

/** Modals open now; while any is, the window behind them (`.app`) is `inert`. */
let openModals = 0;

function useInertBackground(open: boolean) {
  useEffect(() => {
    if (!open) return;
    openModals += 1;
    document.querySelector('.app')?.setAttribute('inert', '');
    return () => {
      openModals -= 1;
      if (openModals === 0) document.querySelector('.app')?.removeAttribute('inert');
    };
  }, [open]);
}

/**
 * A true modal (Radix Dialog): focus trapped inside and given back on close, the rest of the
 * window hidden from assistive technology and pointer and `inert`, Escape when `onDismiss` is given. It
 * closes while a call rings (whoever opened it keeps its state) and opens again afterwards.
 */
export function Modal({ title, open, onDismiss, initialFocus, className, testId, role, children }: Props) {
  const ringing = useCallRinging();
  useInertBackground(open && !ringing);
  // What had focus when the modal opened gets it back when it closes (we use no Dialog.Trigger).
  const returnTo = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open && !ringing} onOpenChange={(next) => !next && onDismiss?.()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal__overlay" />
        <Dialog.Content
          className={`modal ${className ?? ''}`}
          data-testid={testId}
          role={role ?? 'dialog'}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            // If it is gone (Save, Delete removed it), useFocusRescue picks the next sensible control.
            if (returnTo.current?.isConnected) returnTo.current.focus();
          }}
          onEscapeKeyDown={(event) => !onDismiss && event.preventDefault()}
          onPointerDownOutside={(event) => !onDismiss && event.preventDefault()}
          onInteractOutside={(event) => !onDismiss && event.preventDefault()}
        >
          <Dialog.Title asChild>{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
