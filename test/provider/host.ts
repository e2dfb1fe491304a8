/**
 * Drives the real dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) over gRPC the way the
 * engine does (pulumi-notes §5 tier 2): configure, then check/diff/create/read/update/delete with
 * `google.protobuf.Struct` properties carrying the serialised `__provider`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the generated gRPC stubs are untyped JavaScript */
import { spawn, type ChildProcess } from "child_process";
import { createRequire } from "module";

// The SDK's own copies of grpc-js and the generated messages, so Struct conversion matches the host's.
const sdkRequire = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = sdkRequire("@grpc/grpc-js");
const provrpc = sdkRequire("./proto/provider_grpc_pb");
const provproto = sdkRequire("./proto/provider_pb");
const structproto = sdkRequire("google-protobuf/google/protobuf/struct_pb");

type Props = Record<string, unknown>;

export interface HostFailure {
  property: string;
  reason: string;
}

export interface Host {
  configure(config: Record<string, string>): Promise<void>;
  check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: HostFailure[] }>;
  diff(
    urn: string,
    id: string,
    olds: Props,
    news: Props,
  ): Promise<{ changes: number; replaces: string[]; deleteBeforeReplace: boolean }>;
  create(urn: string, props: Props): Promise<{ id: string; props: Props }>;
  /** `props` undefined sends none, as the engine's read for `pulumi import` does. */
  read(
    urn: string,
    id: string,
    props: Props | undefined,
  ): Promise<{ id: string; props: Props; inputs?: Props }>;
  update(urn: string, id: string, olds: Props, news: Props): Promise<Props>;
  delete(urn: string, id: string, props: Props): Promise<void>;
  /** Everything the host wrote to stderr (its error log). */
  stderr(): string;
  stop(): Promise<void>;
}

/** The engine's DiffResponse.DiffChanges values. */
export const DIFF = { UNKNOWN: 0, NONE: 1, SOME: 2 } as const;

const struct = (value: Props) => structproto.Struct.fromJavaScript(value);

/** Starts a host with `cwd` as the program directory (module resolution of `__provider` starts there). */
export async function startHost(cwd: string, project = "nvrtest"): Promise<Host> {
  const entry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
  const child: ChildProcess = spawn(process.execPath, [entry, "127.0.0.1:1"], {
    cwd,
    env: { ...process.env, PULUMI_NODEJS_PROJECT: project },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (d: Buffer) => (errors += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`dynamic-provider host exited (${code}): ${errors}`)));
  });
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = <T>(method: string, req: unknown): Promise<T> =>
    new Promise((resolve, reject) =>
      client[method](req, (err: Error | null, resp: T) => (err ? reject(err) : resolve(resp))),
    );

  return {
    async configure(config) {
      const req = new provproto.ConfigureRequest();
      req.setArgs(struct(config));
      await call("configure", req);
    },
    async check(urn, olds, news) {
      const req = new provproto.CheckRequest();
      req.setUrn(urn);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const resp: any = await call("check", req);
      return {
        inputs: resp.getInputs().toJavaScript(),
        failures: resp
          .getFailuresList()
          .map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(urn, id, olds, news) {
      const req = new provproto.DiffRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const resp: any = await call("diff", req);
      return {
        changes: resp.getChanges(),
        replaces: resp.getReplacesList(),
        deleteBeforeReplace: resp.getDeletebeforereplace(),
      };
    },
    async create(urn, props) {
      const req = new provproto.CreateRequest();
      req.setUrn(urn);
      req.setProperties(struct(props));
      const resp: any = await call("create", req);
      return { id: resp.getId(), props: resp.getProperties().toJavaScript() };
    },
    async read(urn, id, props) {
      const req = new provproto.ReadRequest();
      req.setUrn(urn);
      req.setId(id);
      if (props !== undefined) req.setProperties(struct(props));
      const resp: any = await call("read", req);
      return {
        id: resp.getId(),
        props: resp.getProperties()?.toJavaScript() ?? {},
        inputs: resp.getInputs()?.toJavaScript(),
      };
    },
    async update(urn, id, olds, news) {
      const req = new provproto.UpdateRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      const resp: any = await call("update", req);
      return resp.getProperties().toJavaScript();
    },
    async delete(urn, id, props) {
      const req = new provproto.DeleteRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setProperties(struct(props));
      await call("delete", req);
    },
    stderr: () => errors,
    async stop() {
      client.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill();
        await exited;
      }
    },
  };
}
