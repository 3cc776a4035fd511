/*
 * Babel's CommonJS transform leaves `import.meta` alone; Nest reads only `import.meta.url`
 * (to build a `require`), which this plugin answers from the file's own path. Written here
 * because no maintained plugin does just this for Babel 7 without pulling in a preset.
 */
module.exports = function importMetaUrlToFilename() {
  return {
    visitor: {
      MetaProperty(path) {
        if (path.node.meta.name !== 'import') return;
        // No `require` here: a module that declares its own `const require = createRequire(...)`
        // (@nestjs/terminus) would bind it to that const, read before it is initialised.
        path.replaceWithSourceString("({ url: 'file://' + encodeURI(__filename) })");
      },
    },
  };
};
