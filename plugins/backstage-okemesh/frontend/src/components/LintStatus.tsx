import type { LintView } from '@okemesh/backstage-plugin-okemesh-common';

const colour = { pass: '#2e7d32', warn: '#ef6c00', fail: '#c62828' } as const;

/** okemesh lint of the rendered bundle: status, counts, and each finding with its fix. */
export function LintStatus({ lint }: { lint: LintView }) {
  return (
    <section aria-label="Lint">
      <p>
        <strong style={{ color: colour[lint.status] }}>Lint {lint.status}</strong> · {lint.counts.Error}{' '}
        errors, {lint.counts.Warning} warnings, {lint.counts.Info} infos
      </p>
      {lint.findings.length > 0 && (
        <ul>
          {lint.findings.map((f) => (
            <li key={`${f.code}-${f.file}-${f.line}-${f.resource}`}>
              <code>{f.code}</code> {f.level} {f.resource} ({f.file}:{f.line}): {f.message} — {f.hint}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
