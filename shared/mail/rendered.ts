/** An email ready to send: both parts built from the same data by the feature that owns the email. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
