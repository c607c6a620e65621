// One schema per shape: the answer is the contract's PlatformStats, here under its route name.
export { PlatformStats as StatsOut } from '../contract.ts';
