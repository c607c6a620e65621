// Module boundaries, checked by `npm run lint`:
// - a module imports platform/* and other modules' contract.ts only;
// - the platform imports no module: modules hand it their settings and migrations (src/modules/index.ts);
// - domain code is pure: no platform I/O, no node built-ins, no other layer of its module.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-reaches-past-contract',
      comment: 'Modules talk to each other only through contract.ts',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/contract\\.ts$'],
      },
    },
    {
      name: 'platform-imports-module',
      comment: 'The platform is infrastructure; it knows no business module',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Domain code has no I/O: no platform adapters, no other layers, no node built-ins',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: ['^src/modules/[^/]+/domain/', '^src/modules/[^/]+/contract\\.ts$', '^src/platform/errors\\.ts$', '^src/platform/clock\\.ts$', '^src/platform/uuid\\.ts$', '^src/platform/kst\\.ts$', '^src/platform/korean\\.ts$', '^src/platform/access\\.ts$'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['node_modules', '\\.test\\.ts$'] },
  },
};
