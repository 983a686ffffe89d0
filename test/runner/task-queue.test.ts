import { describe, expect, it } from 'vitest';
import { TaskQueue, type Task } from '../../runner/task-queue.js';
import { RETRY, workersCannotRun } from '../../runner/retry.js';

const tasks = (n: number): Task[] => Array.from({ length: n }, (_, r) => ({ strategy: 0, replication: r }));

describe('TaskQueue.failed(task, error)', () => {
  it('runs a failed task again at once, and reports it when it fails RETRY.attempts times', () => {
    const reported: [Task, string][] = [];
    const q = new TaskQueue(tasks(3), (t, e) => reported.push([t, e]));
    let runs = 0;
    for (;;) {
      const t = q.take()!;
      if (t.replication !== 0) {
        q.putBack([t]);
        break;
      }
      runs++;
      q.failed(t, `boom ${runs}`);
      if (reported.length > 0) break;
    }
    expect(runs).toBe(RETRY.attempts);
    expect(reported).toEqual([[{ strategy: 0, replication: 0 }, `boom ${RETRY.attempts}`]]);
    expect(q.size).toBe(2);
  });

  it('does not count tasks put back because their Worker died before they started', () => {
    const reported: Task[] = [];
    const q = new TaskQueue(tasks(1), (t) => reported.push(t));
    for (let i = 0; i < 5; i++) q.putBack([q.take()!]);
    const t = q.take()!;
    q.failed(t, 'once');
    expect(reported).toEqual([]);
    expect(q.take()).toMatchObject({ strategy: 0, replication: 0, attempts: 1 });
  });
});

describe('TaskQueue.failAll(error)', () => {
  it('reports every task left with the error and leaves the queue empty', () => {
    const reported: string[] = [];
    const q = new TaskQueue(tasks(4), (t, e) => reported.push(`${t.replication}:${e}`));
    q.take();
    q.failAll('cannot start worker');
    expect(reported).toEqual(['1:cannot start worker', '2:cannot start worker', '3:cannot start worker']);
    expect(q.size).toBe(0);
  });
});

describe('workersCannotRun(stillbornInARow)', () => {
  it('gives up only after RETRY.stillbornWorkers silent deaths in a row', () => {
    expect(workersCannotRun(RETRY.stillbornWorkers - 1)).toBe(false);
    expect(workersCannotRun(RETRY.stillbornWorkers)).toBe(true);
  });
});
