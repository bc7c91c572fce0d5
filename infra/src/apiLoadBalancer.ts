import { Duration } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import { Construct } from "constructs";
import type { Network } from "./network";

export interface ApiLoadBalancerProps {
  readonly network: Network;
  readonly certificateArn: string | undefined;
}

/** Airflow's health endpoint: no token needed, 200 while the API server can serve. */
export const API_HEALTH_CHECK_PATH = "/api/v2/monitor/health";
export const API_PORT = 8080;

/**
 * The internet-facing load balancer in front of the API servers. Its security group is the only
 * one in the stack open to the internet, and only on the listener ports. Without a certificate it
 * listens on HTTP 80; with one, on HTTPS 443 and 80 redirects there.
 */
export class ApiLoadBalancer extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  /** The URL users and alert links use (`UPDRAFT_BASE_URL`). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiLoadBalancerProps) {
    super(scope, id);
    const securityGroup = new ec2.SecurityGroup(this, "SecurityGroup", {
      vpc: props.network.vpc,
      description: "Updraft API load balancer: the listener ports, from anywhere",
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, "LoadBalancer", {
      vpc: props.network.vpc,
      internetFacing: true,
      securityGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      // The UI's live view is a server-sent event stream; keep idle streams open between events.
      idleTimeout: Duration.minutes(5),
      dropInvalidHeaderFields: true,
    });
    const { certificateArn } = props;
    if (certificateArn === undefined) {
      this.listener = this.loadBalancer.addListener("Http", {
        port: 80,
        protocol: elbv2.ApplicationProtocol.HTTP,
        open: true,
      });
      this.url = `http://${this.loadBalancer.loadBalancerDnsName}`;
    } else {
      this.listener = this.loadBalancer.addListener("Https", {
        port: 443,
        protocol: elbv2.ApplicationProtocol.HTTPS,
        certificates: [elbv2.ListenerCertificate.fromArn(certificateArn)],
        sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
        open: true,
      });
      this.loadBalancer.addRedirect({ sourcePort: 80, targetPort: 443 });
      this.url = `https://${this.loadBalancer.loadBalancerDnsName}`;
    }
  }
}
