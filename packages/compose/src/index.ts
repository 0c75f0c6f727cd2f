export type { ComposeKind, ComposeTool } from './compose-tool.js';
export { assertEngineReachable, detectComposeTool } from './compose-tool.js';
export type { DownOptions, RemovedResources, StackDown } from './down-worktree.js';
export { downWorktree } from './down-worktree.js';
export type { PortBinding } from './env-file.js';
export { portUrl, renderEnvFile, stackVariables } from './env-file.js';
export type { GcOptions, GcResult, GcStack } from './gc-stacks.js';
export { gcStacks } from './gc-stacks.js';
export type { ServiceListing, StackListing } from './list-stacks.js';
export { listStacks } from './list-stacks.js';
export { sharedProjectName, worktreeProjectName } from './project-name.js';
export type { PublishedPort } from './published-ports.js';
export { portVariable } from './published-ports.js';
export type { RunWithStackOptions, RunWithStackResult } from './run-with-stack.js';
export { runWithStack } from './run-with-stack.js';
export type { StackOptions } from './stack-context.js';
export { defaultComposeFiles, labelKeys, readStackNames } from './stack-context.js';
export type { StackUp, UpOptions } from './up-worktree.js';
export { upWorktree } from './up-worktree.js';
export {
  renderDownPretty,
  renderGcPretty,
  renderPsJson,
  renderPsPretty,
  renderUpJson,
  renderUpPretty,
  renderUpSummary,
} from './render-output.js';
