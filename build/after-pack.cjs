// electron-builder afterPack hook: flips Electron's fuses on the packaged binary, switching off
// the ways to turn Steadyline's signed executable into a generic Node/Electron runtime.
// https://www.electronjs.org/docs/latest/tutorial/fuses
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const executableName = {
  darwin: (context) => `${context.packager.appInfo.productFilename}.app`,
  win32: (context) => `${context.packager.appInfo.productFilename}.exe`,
  linux: (context) => context.packager.executableName,
};

exports.default = async function afterPack(context) {
  const platform = context.electronPlatformName;
  const executable = path.join(context.appOutDir, executableName[platform](context));
  await flipFuses(executable, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE cannot turn the app into node
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS cannot inject code
    [FuseV1Options.EnableNodeCliInspectArguments]: false, // no --inspect debugger on agents' PCs
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  });
};
