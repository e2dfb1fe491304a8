/**
 * When a batch stops taking operations and is saved (issue 18).
 *
 * An operation reports only after the save that covers it, so every engine slot holding one of this router's
 * operations waits for that save, and the engine sends the next operation only when it has a slot free and has
 * written its state (the whole state, at the start and end of every operation: tens of milliseconds a resource at
 * 1,000 resources). Saving as soon as the queue drains therefore saved after every few operations. The engine
 * checks each resource (the provider's `check`) just before it sends its operation, and the provider tells the
 * router (`announce`), so before a save the batch waits for the operations still announced that will write:
 *  - none (the run's last operation, or the next ones wait for this batch's): save now. An operation with nothing
 *    to write needs no save, so one announced with a judgement (`Writes`) that finds nothing to write against the
 *    config known at the time is not waited for; if it does write after all, its own batch saves it;
 *  - as many operations here as the engine has shown it can hold at once while it held one back: it has no slot
 *    free, nothing more can come until this batch reports: save now;
 *  - fewer operations here than the engine has shown it can hold: it has a slot free for the one it announced and
 *    sends it once it has written the state of those this router reported last (at 1,000 resources that is
 *    seconds after the save for a full batch of them, while one of its operations may arrive ahead of those
 *    writes): wait for it up to FREE_SLOT_WAIT_MS;
 *  - otherwise wait for the next arrival, up to twice the longest gap between this batch's arrivals (at least
 *    MIN_WAIT_MS, at most MAX_WAIT_MS). One that does not come in time means the engine held it back (or will not
 *    send it at all): the count here is what it can hold at once, and what it announced is waited for no more.
 * Waiting only delays the save: operations still report only after the save that covers them.
 *
 * After the save, the engine writes its state for each operation reported and then for each it sends, one write at
 * a time in the order asked, so reporting a whole batch at once makes it write all of the batch's states before it
 * sends anything more, while the router idles. When the engine has announced more operations, a saved batch is
 * therefore reported a few at a time (`pacing`): REPORTS_AHEAD at once, then one more as each new operation
 * arrives, so the engine's writes for reported and for new operations alternate and the router types the new ones
 * meanwhile. Every operation is still reported only after its save; one that waits longer than PACED_WAIT_MS for
 * the next arrival, or an engine that announces nothing more, ends the pacing and the rest report at once.
 *
 * A full round of the engine's operations per save leaves the engine idle through each save, its slots all
 * waiting for it. When the engine is the slower (its operations arrive further apart than the router takes to
 * type one, as when it writes a large state per operation) and a save takes less than the engine needs for a
 * round, a batch is saved before the round is complete (`saveEarly`): the saved reports still held for pacing and
 * the operations still to come keep the engine busy through the save. The batch size chosen is the one with the
 * least time per operation by a simple model of the two (the router types and saves, the engine sends one
 * operation per gap and idles only when nothing is left for it during a save), no smaller than half a round and
 * smaller than a round only for a clear gain, since every save writes the router's flash.
 */
import type { ConfigIndex } from "../config/index";

/** The shortest and longest wait for an announced operation before a batch's save. */
export const MIN_WAIT_MS = 100;
export const MAX_WAIT_MS = 1000;
/**
 * The wait for an announced operation when the engine has a slot free for it. Only an engine that stops sending
 * (a failed or cancelled run) makes a batch wait this long, and its operations report after the save all the same.
 */
export const FREE_SLOT_WAIT_MS = 5000;
/** Saved operations reported at once when a batch's reports are paced, so the engine always has one to write. */
export const REPORTS_AHEAD = 3;
/** How long paced reports wait for the next arrival before the rest are reported at once. */
export const PACED_WAIT_MS = 1000;

/** A batch smaller than the engine's round is chosen only when its time per operation is below this share. */
export const EARLY_SAVE_GAIN = 0.95;

/** Whether an announced operation will write to the router, judged against the router's config as known. */
export type Writes = (config: ConfigIndex) => boolean;

export class Batching {
  /** How often a batch waited for an announced operation that did not come in time. */
  unanswered = 0;
  /** Operations the engine has sent and not yet had reported. */
  private inFlight = 0;
  /**
   * Operations the engine has checked and not yet sent (kind and identity), with whether each will write: true
   * (unjudged: it may), false, or the judgement still to make once a config is known.
   */
  private readonly announced = new Map<string, Writes | boolean>();
  /** The most operations the engine had here at once while holding back one it had announced. */
  private engineSlots = 0;
  /** When each operation of the batch being gathered arrived. */
  private arrivals: number[] = [];
  /** Ends a wait: true when an operation arrived, false when none is announced any more. */
  private wake?: (arrived: boolean) => void;
  /** The router's time to type an operation's lines, a moving average (undefined until one was typed). */
  private typingMs?: number;
  /** How long the router took for the last save (with its batch's verification), and for the checks after one. */
  private saveMs?: number;
  private checksMs?: number;

  /** The router typed an operation's lines in `ms`. */
  typed(ms: number): void {
    this.typingMs = this.typingMs === undefined ? ms : 0.8 * this.typingMs + 0.2 * ms;
  }

  /** The router verified and saved a batch in `ms`. */
  saved(ms: number): void {
    this.saveMs = ms;
  }

  /** The router made the checks before a batch's first write in `ms`. */
  checked(ms: number): void {
    this.checksMs = ms;
  }

  /** The engine checked an operation and is about to send it; `writes` judges whether it will write. */
  announce(key: string, writes?: Writes): void {
    this.announced.set(key, writes ?? true);
  }

  /** The engine will not send an announced operation after all (its diff found nothing to change). */
  withdraw(key: string): void {
    if (this.announced.delete(key) && !this.awaits()) this.wake?.(false);
  }

  /**
   * Whether a batch waits for an announced operation: one that will write. Each judgement is made once, against the
   * first config known when it is asked for (a judgement that fails counts as writing); unjudged, it may write.
   */
  private awaits(known?: () => ConfigIndex | undefined): boolean {
    let config: ConfigIndex | undefined;
    for (const [key, writes] of this.announced) {
      let judged = writes;
      if (typeof judged === "function" && (config ??= known?.()) !== undefined) {
        try {
          judged = judged(config);
        } catch {
          judged = true;
        }
        this.announced.set(key, judged);
      }
      if (judged !== false) return true;
    }
    return false;
  }

  /** An operation arrived (`key` as announced, if it was). */
  arrive(key?: string): void {
    if (key !== undefined) this.announced.delete(key);
    this.inFlight++;
    this.arrivals.push(Date.now());
    this.wake?.(true);
  }

  /** An operation was reported to the engine: its slot is free. */
  reported(): void {
    this.inFlight--;
  }

  /** The batch is being verified and saved: what arrives from now on is the next batch's. */
  closed(): void {
    this.arrivals = [];
  }

  /** Whether the engine announced operations it is still to send: a saved batch's reports are then paced. */
  pacing(): boolean {
    return this.announced.size > 0;
  }

  /** Whether the batch gathered so far is to be saved now, before the engine's round is complete (see above). */
  saveEarly(): boolean {
    return this.arrivals.length >= this.batchSize();
  }

  /**
   * The operations a batch takes before its save while the engine sends more: its whole round, unless the model
   * above finds a smaller batch at least GAIN faster per operation. Unknown (a round, or no estimate yet): Infinity.
   */
  private batchSize(): number {
    const slots = this.engineSlots;
    const n = this.arrivals.length;
    const { typingMs: typing, saveMs, checksMs } = this;
    if (slots === 0 || n < 2 || typing === undefined || saveMs === undefined || checksMs === undefined)
      return Infinity;
    // The router's time per batch besides typing: a save and the checks of the batch after it.
    const save = saveMs + checksMs;
    const gap = (this.arrivals[n - 1] - this.arrivals[0]) / (n - 1);
    const perOperation = (size: number) =>
      Math.max(typing + save / size, gap + Math.max(0, save - (slots - size) * gap) / size);
    let best = slots;
    for (let size = slots - 1; size >= Math.ceil(slots / 2); size--)
      if (perOperation(size) < perOperation(best) * EARLY_SAVE_GAIN) best = size;
    return best < slots ? best : Infinity;
  }

  /**
   * Whether another operation joined the batch (true), or the batch is to be saved now (false). `known` gives the
   * router's config as known now (asked for only when an announced operation is still to be judged against it).
   */
  async joined(known?: () => ConfigIndex | undefined): Promise<boolean> {
    if (!this.awaits(known)) return false;
    if (this.engineSlots > 0 && this.inFlight >= this.engineSlots) return false;
    const gaps = this.arrivals.slice(1).map((t, i) => t - this.arrivals[i]);
    const wait =
      this.engineSlots > 0
        ? FREE_SLOT_WAIT_MS
        : Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, 2 * Math.max(0, ...gaps)));
    const arrived = await new Promise<boolean | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), wait);
      this.wake = (came) => {
        clearTimeout(timer);
        resolve(came);
      };
    });
    this.wake = undefined;
    if (arrived === undefined) {
      this.unanswered++;
      this.engineSlots = Math.max(this.engineSlots, this.inFlight);
      this.announced.clear();
    }
    return arrived === true;
  }
}
