// The packages behind the commands, imported when a command runs rather than when the CLI starts:
// `harness --version` and `--help` load none of them, and `harness check docs` loads neither the
// compose, GitHub and init code nor ts-morph. (@harness/check is imported directly: it is light,
// and each check imports its checker only when it runs.)
export const configPackage = () => import('@harness/config');
export const budgetPackage = () => import('@harness/budget');
export const composePackage = () => import('@harness/compose');
export const factoryPackage = () => import('@harness/factory');
export const githubPackage = () => import('@harness/github');
export const initPackage = () => import('@harness/init');
export const layersPackage = () => import('@harness/layers');
export const rulesetsPackage = () => import('@harness/rulesets');
