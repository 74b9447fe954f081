/**
 * The cab's outbox: a pressed button is written here (localStorage) before it is sent and leaves only when the
 * server answered it, so a dropped network or a reloaded tablet never loses a confirmation; every retry carries
 * the same idempotency key and the state the driver saw, so the server never applies it twice.
 */
export interface CabCommand {
  key: string;
  machine: string;
  instruction: string;
  seen: string;
  action: 'confirm' | 'exception';
  code?: string;
  pressedAt: number;
}

export interface Answer { status: number; body: { outcome?: string; error?: string; refusal?: string } }

export interface Store { getItem(key: string): string | null; setItem(key: string, value: string): void }

export type Send = (command: CabCommand) => Promise<Answer>;

export class Outbox {
  private sending = false;

  constructor(private readonly store: Store, private readonly storeKey: string, private readonly send: Send) {}

  pending(): CabCommand[] {
    try {
      return JSON.parse(this.store.getItem(this.storeKey) ?? '[]') as CabCommand[];
    } catch {
      return [];
    }
  }

  push(command: CabCommand): void {
    this.save([...this.pending(), command]);
  }

  /**
   * Sends what waits, oldest first, until the network fails. Returns the answers received; a command that got no
   * answer stays for the next flush.
   */
  async flush(): Promise<{ command: CabCommand; answer: Answer }[]> {
    if (this.sending) return [];
    this.sending = true;
    const answered: { command: CabCommand; answer: Answer }[] = [];
    try {
      for (;;) {
        const next = this.pending()[0];
        if (!next) break;
        let answer: Answer;
        try {
          answer = await this.send(next);
        } catch {
          break;
        }
        // not a decision on the command: the server failed, the token expired (401) or the tablet is too fast (429)
        if (answer.status >= 500 || answer.status === 401 || answer.status === 429) break;
        this.save(this.pending().filter((c) => c.key !== next.key));
        answered.push({ command: next, answer });
      }
    } finally {
      this.sending = false;
    }
    return answered;
  }

  private save(commands: CabCommand[]): void {
    this.store.setItem(this.storeKey, JSON.stringify(commands));
  }
}

export function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
