import { describe, expect, it } from 'vitest';
import { type Answer, type CabCommand, Outbox, type Store } from '../src/cab/outbox';

class MemoryStore implements Store {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  setItem(key: string, value: string): void { this.items.set(key, value); }
}

const press = (key: string): CabCommand => ({ key, machine: 'QC01', instruction: 'WI-1', seen: 'DISPATCHED',
  action: 'confirm', pressedAt: 0 });

describe('Outbox', () => {
  it('keeps a press while the network is down and sends it, with the same key, once it is back', async () => {
    const store = new MemoryStore();
    const sent: string[] = [];
    let up = false;
    const outbox = new Outbox(store, 'o', async (c): Promise<Answer> => {
      if (!up) throw new TypeError('Failed to fetch');
      sent.push(c.key);
      return { status: 200, body: { outcome: 'APPLIED' } };
    });
    outbox.push(press('k-1'));
    expect(await outbox.flush()).toEqual([]);
    expect(outbox.pending()).toHaveLength(1);

    up = true;
    const answers = await outbox.flush();
    expect(answers.map((a) => a.answer.body.outcome)).toEqual(['APPLIED']);
    expect(sent).toEqual(['k-1']);
    expect(outbox.pending()).toHaveLength(0);
  });

  it('survives a reloaded tablet: what waits is read back from the store', async () => {
    const store = new MemoryStore();
    new Outbox(store, 'o', async () => { throw new TypeError('offline'); }).push(press('k-2'));
    const sent: string[] = [];
    await new Outbox(store, 'o', async (c) => { sent.push(c.key); return { status: 200, body: {} }; }).flush();
    expect(sent).toEqual(['k-2']);
  });

  it('keeps a press the server could not take (5xx) and drops one it refused (4xx)', async () => {
    const store = new MemoryStore();
    const outbox = new Outbox(store, 'o', async (c) => ({ status: c.key === 'busy' ? 503 : 409, body: {} }));
    outbox.push(press('stale'));
    outbox.push(press('busy'));
    const answers = await outbox.flush();
    expect(answers.map((a) => a.command.key)).toEqual(['stale']);
    expect(outbox.pending().map((c) => c.key)).toEqual(['busy']);
  });

  it('keeps a press sent with an expired token (401) for after the driver signs in again', async () => {
    const store = new MemoryStore();
    let signedIn = false;
    const outbox = new Outbox(store, 'o', async () => (signedIn
      ? { status: 200, body: { outcome: 'APPLIED' } } : { status: 401, body: { error: 'token expired' } }));
    outbox.push(press('k-3'));
    expect(await outbox.flush()).toEqual([]);
    expect(outbox.pending().map((c) => c.key)).toEqual(['k-3']);

    signedIn = true;
    expect((await outbox.flush()).map((a) => a.answer.body.outcome)).toEqual(['APPLIED']);
    expect(outbox.pending()).toHaveLength(0);
  });
});
