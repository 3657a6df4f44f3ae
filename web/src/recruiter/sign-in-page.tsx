import { Layout } from '../ui/layout';

/** Placeholder of the recruiter's app (sign-in, dashboard, ...). */
export default function SignInPage() {
  return (
    <Layout>
      <h1>Assay</h1>
      <p>Sign in to manage assessments.</p>
    </Layout>
  );
}
