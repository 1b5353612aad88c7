// Plain JavaScript with no imports, so it runs on any Node: the check before okemesh loads anything.

/** The error line for a Node.js too old for okemesh (require(esm), undici), or undefined when it is new enough. */
export function nodeVersionError(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return undefined;
  return `error: okemesh needs Node.js >= 22.12; this is ${version} (fix: install Node.js 22.12 or newer, or run it with npx inside the okemesh workspace, which brings Node 24) [CLI_NODE_VERSION]`;
}
