/**
 * The shipped Kubernetes example (examples/kubernetes/): every manifest is valid against the
 * Kubernetes API schema (kubernetes-models, generated from Kubernetes' OpenAPI document), the
 * Jobs agree with each other, and their commands, run as the pods would run them in the
 * image the Containerfile builds, give exactly the one-machine results.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { comparableFile, ensureBuilt, library, root, runCli, tempDir } from '../cli/cli-process.js';

const dir = join(root, 'examples', 'kubernetes');
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'batch/v1 Job': Job,
  'v1 PersistentVolumeClaim': PersistentVolumeClaim,
};

/** Every document of a manifest file, as plain objects. */
function manifests(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0].message}`);
    return d.toJS() as Record<string, unknown>;
  });
}

/** Validates against the Kubernetes schema of the object's kind; throws with the errors. */
function validate(doc: Record<string, unknown>): void {
  const Model = MODELS[`${doc.apiVersion} ${doc.kind}`];
  if (!Model) throw new Error(`no schema here for ${doc.apiVersion} ${doc.kind}`);
  new Model(doc as never).validate();
}

const job = (file: string) => manifests(file)[0] as unknown as IJob;
const container = (j: IJob) => j.spec!.template.spec!.containers[0];
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('examples/kubernetes manifests', () => {
  it('validate(each manifest) passes the Kubernetes API schema of its kind', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(files).toEqual(['merge-job.yaml', 'results-volume.yaml', 'shards-job.yaml']);
    for (const f of files) for (const doc of manifests(f)) expect(() => validate(doc), f).not.toThrow();
  });

  it('validate(broken shards Job) rejects a wrong type, an unknown completion mode and a missing container list', () => {
    const good = manifests('shards-job.yaml')[0] as { spec: Record<string, unknown> & { template: { spec: Record<string, unknown> } } };
    const wrongType = clone(good);
    wrongType.spec.completions = 'four';
    expect(() => validate(wrongType)).toThrow(/completions must be integer/);
    const badMode = clone(good);
    badMode.spec.completionMode = 'Indexd';
    expect(() => validate(badMode)).toThrow(/completionMode must be equal to one of the allowed values/);
    const noContainers = clone(good);
    delete noContainers.spec.template.spec.containers;
    expect(() => validate(noContainers)).toThrow(/template\/spec must have required property '?containers/);
  });

  it('shards-job.yaml and merge-job.yaml agree: Indexed, --shards equals completions, the merge names every shard, one results volume', () => {
    const shards = job('shards-job.yaml'),
      merge = job('merge-job.yaml');
    const n = shards.spec!.completions!;
    expect(shards.spec!.completionMode).toBe('Indexed');
    expect(shards.spec!.parallelism).toBeLessThanOrEqual(n);
    const command = container(shards).command!.join(' ');
    expect(command).toMatch(new RegExp(`--shards ${n}\\b`));
    expect(command).toContain('"/results/shard-$JOB_COMPLETION_INDEX.json"');
    expect(command).toContain('--resume');
    const mergeArgs = container(merge).command!;
    expect(mergeArgs.filter((a) => a.startsWith('/results/shard-'))).toEqual(
      Array.from({ length: n }, (_, i) => `/results/shard-${i}.json`),
    );
    expect(container(merge).image).toBe(container(shards).image);
    const claim = (manifests('results-volume.yaml')[0].metadata as { name: string }).name;
    for (const j of [shards, merge]) {
      const pod = j.spec!.template.spec!;
      expect(pod.restartPolicy).toBe('Never');
      const volumes = new Map(pod.volumes!.map((v) => [v.name, v]));
      for (const m of container(j).volumeMounts!) expect(volumes.has(m.name), m.name).toBe(true);
      const results = container(j).volumeMounts!.find((m) => m.mountPath === '/results')!;
      expect(volumes.get(results.name)!.persistentVolumeClaim?.claimName).toBe(claim);
    }
  });
});

/**
 * The image's files, laid out by the Containerfile's runtime stage (its `COPY --from=build`
 * lines, from a built checkout), with `caresim` on PATH as its `RUN ln -s` puts it.
 */
function imageLayout(into: string): string {
  const text = readFileSync(join(dir, 'Containerfile'), 'utf8');
  const stage = text.slice(text.lastIndexOf('\nFROM '));
  const copies = [...stage.matchAll(/^COPY --from=build \/src\/(\S+) \/opt\/caresim\/(\S+)$/gm)];
  expect(copies.length).toBeGreaterThan(0);
  for (const [, from, to] of copies) cpSync(join(root, from), join(into, 'opt', to), { recursive: true });
  const link = /^RUN ln -s \/opt\/caresim\/(\S+) \/usr\/local\/bin\/caresim$/m.exec(stage);
  expect(link).not.toBeNull();
  const bin = join(into, 'bin');
  mkdirSync(bin);
  symlinkSync(join(into, 'opt', link![1]), join(bin, 'caresim'));
  return bin;
}

describe('examples/kubernetes pods', () => {
  it("the shards Job command for each JOB_COMPLETION_INDEX, then the merge Job command, give the one-machine results (in the Containerfile's layout)", () => {
    ensureBuilt();
    const work = tempDir();
    const bin = imageLayout(join(work, 'image'));
    const [scenario, results] = [join(work, 'scenario'), join(work, 'results')];
    mkdirSync(scenario);
    mkdirSync(results);
    writeFileSync(join(scenario, 'scenario.yaml'), readFileSync(library('ucr-small.yaml')));
    // The pods' paths, on this machine: /scenario and /results are the mounted volumes.
    const local = (s: string) => s.replaceAll('/scenario/', `${scenario}/`).replaceAll('/results/', `${results}/`);
    const env = { PATH: `${bin}:${join(process.execPath, '..')}:/usr/bin:/bin`, NO_COLOR: '1' };

    const shards = job('shards-job.yaml');
    const [cmd, ...args] = container(shards).command!.map(local);
    for (let i = 0; i < shards.spec!.completions!; i++) {
      const r = spawnSync(cmd, args, { cwd: work, env: { ...env, JOB_COMPLETION_INDEX: String(i) }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(results, `shard-${i}.json`), 'utf8')).shard.index).toBe(i);
    }
    const [mcmd, ...margs] = container(job('merge-job.yaml')).command!.map(local);
    const m = spawnSync(mcmd, margs, { cwd: work, env, encoding: 'utf8' });
    expect(m.status, m.stderr).toBe(0);

    const reps = /--reps (\d+)/.exec(args.join(' '))![1];
    const single = join(work, 'single.json');
    expect(runCli(['run', join(scenario, 'scenario.yaml'), '--reps', reps, '--out', single, '-q']).code).toBe(0);
    expect(comparableFile(join(results, 'results.json'))).toBe(comparableFile(single));
  }, 300_000);
});
