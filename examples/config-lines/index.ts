// Lines no typed resource models, owned as the router prints them: a console prompt and the security class at the top level, a
// keepalive inside pp select 1. adopt: true takes over what the router has now and destroy writes it back. A line
// that carries a secret goes in secretLines, built from stack config:
//   pulumi config set --secret radiusSecret ...
import * as pulumi from "@pulumi/pulumi";
import * as nvr from "pulumi-yamaha-nvr";

const config = new pulumi.Config();

new nvr.ConfigLines("console", { adopt: true, lines: ["console prompt OFFICE"] });

new nvr.ConfigLines("security", { adopt: true, lines: ["security class 1 on on"] });

new nvr.ConfigLines("radius", {
  adopt: true,
  lines: ["radius server 192.168.100.5"],
  secretLines: [pulumi.interpolate`radius secret ${config.requireSecret("radiusSecret")}`],
});

export const upstreamKeepalive = new nvr.ConfigLines("pp1-keepalive", {
  adopt: true,
  context: "pp 1",
  lines: ["pp keepalive use lcp-echo"],
}).commands;
