/**
 * Samples shipped with the app: the three tokens from the Kubernetes blog post "Service Account
 * Tokens in Kubernetes v1.24", and the Secret that held the explicit one. The texts live in
 * blogSampleTexts.ts and load only when a sample is picked.
 */

export interface SampleInfo {
  id: string;
  title: string;
  description: string;
}

export const BLOG_SAMPLES: SampleInfo[] = [
  { id: 'v1.20-legacy', title: 'v1.20 legacy Secret token', description: 'Auto-generated for the default service account and mounted from a Secret. No exp: it never expires.' },
  { id: 'v1.24-projected', title: 'v1.24 projected token', description: 'What the kubelet mounts into a pod: bound to pod busybox, extended expiry (warnafter + one-year exp).' },
  { id: 'v1.24-explicit-secret', title: 'v1.24 explicit Secret token', description: 'A legacy token for service account sa-token-demo, created by hand with an annotated Secret after v1.24.' },
  { id: 'v1.24-explicit-secret-yaml', title: 'v1.24 explicit Secret (YAML)', description: 'The Secret that holds the explicit token, as kubectl get secret -o yaml prints it.' },
];
