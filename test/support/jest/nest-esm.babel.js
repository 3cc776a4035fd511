/*
 * Nest 12 ships as ES modules, which jest's CommonJS runtime cannot load. The services tier
 * (use cases wired by Nest against a real Postgres) needs them, so @nestjs/* files are
 * rewritten to CommonJS on the way in. Babel's CommonJS transform leaves `import.meta`
 * alone; Nest reads only `import.meta.url` (to build a `require`), which the small plugin
 * below answers from the file's own path. Written here because no maintained plugin does
 * just this for Babel 7 without pulling in a preset.
 */
function importMetaUrlToFilename() {
  return {
    visitor: {
      MetaProperty(path) {
        if (path.node.meta.name !== 'import') return;
        path.replaceWithSourceString("({ url: require('node:url').pathToFileURL(__filename).href })");
      },
    },
  };
}

module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [importMetaUrlToFilename, '@babel/plugin-transform-modules-commonjs'],
};
