// The packages behind the commands, imported when a command runs rather than when the CLI starts:
// `harness --version` and `--help` load none of them, and `harness check docs` loads neither the
// compose, GitHub and init code nor ts-morph. (agent-harness-check is imported directly: it is light,
// and each check imports its checker only when it runs.)
export const configPackage = () => import('agent-harness-config');
export const budgetPackage = () => import('agent-harness-budget');
export const composePackage = () => import('agent-harness-compose');
export const factoryPackage = () => import('agent-harness-factory');
export const githubPackage = () => import('agent-harness-github');
export const initPackage = () => import('agent-harness-init');
export const layersPackage = () => import('agent-harness-layers');
export const rulesetsPackage = () => import('agent-harness-rulesets');
