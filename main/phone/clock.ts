/**
 * The clock moved to main/kernel/clock.ts. This re-export stays only for main/phone/sip/, whose
 * owner is rewriting sip-calls.ts and transfer.ts right now; delete it once they import the kernel.
 */
export { systemClock, type Clock } from '../kernel/clock';
