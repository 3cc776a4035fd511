/*
 * Nest 12, jose and openid-client ship as ES modules, which jest's CommonJS runtime cannot load, so their
 * files are rewritten to CommonJS on the way in. Plugins are named by path, not passed as
 * functions: Stryker hands jest's configuration to its workers as JSON, which drops functions.
 */
module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [require.resolve('./import-meta-url.babel-plugin.js'), '@babel/plugin-transform-modules-commonjs'],
};
