#!/usr/bin/env node
// A minimal `pulumi-language-nodejs` (the pulumirpc.LanguageRuntime gRPC service) written in Node.js.
//
// Why it exists: the Go module proxy this machine builds the Pulumi CLI from refuses to serve
// github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3, so the real Go host cannot be built
// here. Users install Pulumi the normal way and get the real host; this one is only for offline CI.
//
// Scope: what the 3.248 engine calls for preview/up/refresh/destroy of a JavaScript or TypeScript program
// that uses only dynamic resources. It reports no required plugins or packages, because the only plugin
// such a program needs is the bundled pulumi-resource-pulumi-nodejs launcher. Synchronous invokes (the
// Go host's --sync named pipes) are not offered; the SDK then uses ordinary asynchronous invokes.
//
// Protocol: the engine starts us with its own address as the last argument and reads our port from the
// first line of stdout. Everything after that line on stdout/stderr is shown to the user, which is why
// the program's output is passed straight through.
"use strict";

const path = require("path");
const fs = require("fs");
const { spawn } = require("child_process");
const { createRequire } = require("module");

const HOST_VERSION = "3.248.0";
// cmd/run exits with this code after it already reported the error; the engine must then not add its own.
const EXIT_ALREADY_REPORTED = 32;

// The engine starts language hosts in the program directory. Loading @grpc/grpc-js and google-protobuf
// through @pulumi/pulumi's own require keeps our message classes identical to the SDK's generated stubs.
function loadSdk(fromDir) {
  let sdkMain;
  try {
    sdkMain = require.resolve("@pulumi/pulumi", { paths: [fromDir] });
  } catch {
    process.stderr.write(
      `pulumi-language-nodejs: cannot resolve @pulumi/pulumi from ${fromDir}; run npm install in the project\n`,
    );
    process.exit(1);
  }
  const sdkRequire = createRequire(sdkMain);
  return {
    grpc: sdkRequire("@grpc/grpc-js"),
    langpb: sdkRequire("./proto/language_pb.js"),
    langrpc: sdkRequire("./proto/language_grpc_pb.js"),
    pluginpb: sdkRequire("./proto/plugin_pb.js"),
    emptypb: sdkRequire("google-protobuf/google/protobuf/empty_pb.js"),
  };
}

// Go-style flags (-tracing X, -v=9, -logtostderr) may precede the engine address; it is the last operand.
function parseArgs(argv) {
  let tracing = "";
  let engineAddress = "";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?tracing(?:=(.*))?$/.exec(a);
    if (m) tracing = m[1] ?? argv[++i] ?? "";
    else if (!a.startsWith("-")) engineAddress = a;
  }
  return { tracing, engineAddress };
}

// Runtime options from Pulumi.yaml (`runtime.options`), as the Go host interprets them.
function runtimeOptions(info) {
  const opts = info?.getOptions()?.toJavaScript() ?? {};
  return {
    typescript: opts.typescript !== false,
    tsconfig: typeof opts.tsconfig === "string" ? opts.tsconfig : "",
    nodeargs: typeof opts.nodeargs === "string" ? opts.nodeargs.split(/\s+/).filter(Boolean) : [],
  };
}

// The command line of @pulumi/pulumi/cmd/run (see its minimist spec) for one RunRequest.
function runArguments(req, runPath, engineAddress, tracing) {
  const info = req.getInfo();
  const args = [...runtimeOptions(info).nodeargs, runPath];
  const flag = (name, value) => {
    if (value) args.push(`--${name}`, String(value));
  };
  flag("monitor", req.getMonitorAddress());
  flag("engine", engineAddress);
  flag("organization", req.getOrganization());
  flag("project", req.getProject());
  flag("root-directory", info?.getRootDirectory());
  flag("stack", req.getStack());
  flag("pwd", req.getPwd());
  if (req.getDryrun()) args.push("--dry-run");
  flag("parallel", req.getParallel());
  flag("tracing", tracing);
  args.push(req.getProgram() || ".", ...req.getArgsList());
  return args;
}

function runEnvironment(req) {
  const opts = runtimeOptions(req.getInfo());
  const env = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(Object.fromEntries(req.getConfigMap().entries())),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
  };
  if (opts.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
  if (opts.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = opts.tsconfig;
  return env;
}

// Dependencies as declared by the nearest package.json, with the versions actually installed.
function programDependencies(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).map((name) => {
        let version = "";
        try {
          const found = require.resolve(`${name}/package.json`, { paths: [d] });
          version = JSON.parse(fs.readFileSync(found, "utf8")).version ?? "";
        } catch {
          // not installed, or its package.json is not exported: report the name alone
        }
        return { name, version };
      });
    }
    if (path.dirname(d) === d) return [];
  }
}

function main() {
  const { tracing, engineAddress: argEngine } = parseArgs(process.argv.slice(2));
  let engineAddress = argEngine;
  const { grpc, langpb, langrpc, pluginpb, emptypb } = loadSdk(process.cwd());
  const running = new Set();

  const unary = (fn) => (call, callback) => {
    try {
      callback(null, fn(call.request));
    } catch (err) {
      callback({ code: grpc.status.INTERNAL, details: String(err?.message ?? err) });
    }
  };

  const service = {
    handshake: unary((req) => {
      engineAddress = req.getEngineAddress() || engineAddress;
      return new langpb.LanguageHandshakeResponse();
    }),
    getPluginInfo: unary(() => new pluginpb.PluginInfo().setVersion(HOST_VERSION)),
    getRequiredPlugins: unary(() => new langpb.GetRequiredPluginsResponse()),
    getRequiredPackages: unary(() => new langpb.GetRequiredPackagesResponse()),
    runtimeOptionsPrompts: unary(() => new langpb.RuntimeOptionsResponse()),
    about: unary(() =>
      new langpb.AboutResponse().setExecutable(process.execPath).setVersion(process.version),
    ),
    getProgramDependencies: unary((req) => {
      const dir = req.getInfo()?.getProgramDirectory() || req.getPwd() || process.cwd();
      const res = new langpb.GetProgramDependenciesResponse();
      for (const d of programDependencies(dir)) {
        res.addDependencies(new langpb.DependencyInfo().setName(d.name).setVersion(d.version));
      }
      return res;
    }),
    installDependencies: (call) => {
      const msg = "pulumi-language-nodejs (offline): not installing dependencies; run npm install yourself\n";
      call.write(new langpb.InstallDependenciesResponse().setStdout(Buffer.from(msg)));
      call.end();
    },
    cancel: unary(() => {
      for (const child of running) child.kill("SIGINT");
      return new emptypb.Empty();
    }),
    run: (call, callback) => {
      const req = call.request;
      let replied = false; // a failed spawn may report both "error" and "exit"
      const reply = (error, bail = false) => {
        if (replied) return;
        replied = true;
        callback(null, new langpb.RunResponse().setError(error).setBail(bail));
      };
      const programDir = req.getInfo()?.getProgramDirectory() || req.getPwd() || process.cwd();
      let runPath;
      try {
        runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [programDir] });
      } catch {
        reply(
          `It looks like the Pulumi SDK has not been installed (no @pulumi/pulumi above ${programDir}). Run npm install.`,
        );
        return;
      }
      const child = spawn(process.execPath, runArguments(req, runPath, engineAddress, tracing), {
        cwd: req.getPwd() || programDir,
        env: runEnvironment(req),
        stdio: ["ignore", "inherit", "inherit"],
      });
      running.add(child);
      child.on("error", (err) => {
        running.delete(child);
        reply(`Problem executing program (could not run language executor): ${err.message}`);
      });
      child.on("exit", (code, signal) => {
        running.delete(child);
        if (code === 0) reply("");
        else if (code === EXIT_ALREADY_REPORTED) reply("", true);
        else if (signal) reply(`Program exited unexpectedly: ${signal}`);
        else reply(`Program exited with non-zero exit code: ${code}`);
      });
    },
  };

  const server = new grpc.Server();
  server.addService(langrpc.LanguageRuntimeService, service);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`pulumi-language-nodejs: could not start the gRPC server: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
}

main();
