// The one SWC configuration of the repository: the runnable build (scripts/build.mjs), Jest
// (jest.config.js) and the tests' TypeScript loader (test/support/ts-loader) all transpile
// with it, so that what the tests run is what `npm start` runs. Type-checking is `tsc
// --noEmit` (npm run typecheck); tsconfig.json's isolatedModules keeps per-file
// transpiling safe.

/** @param {{ sourceMaps: boolean | 'inline' }} options */
export function swcOptions({ sourceMaps }) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps,
  };
}
