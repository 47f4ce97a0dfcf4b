import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Modal } from './Modal';

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** A destructive confirmation (Delete) is red; focus starts on Cancel either way. */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

/** A confirmation as a true modal (alertdialog): Escape and Cancel close it, focus goes back. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
  testId,
}: Props) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      open={open}
      role="alertdialog"
      className="confirm"
      testId={testId}
      initialFocus={cancel}
      onDismiss={onCancel}
      title={<h2 className="confirm__title">{title}</h2>}
    >
      {children}
      <div className="confirm__actions">
        <button
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </Modal>
  );
}
