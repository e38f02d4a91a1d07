// The image's HEALTHCHECK (node is the only program the image is sure to have): GET /health of the app in this
// container, exit 0 on 200 and 1 otherwise. /health answers up or down without credentials.
const port = process.env.PORT || '3000';
const timer = setTimeout(() => process.exit(1), 4000);
fetch(`http://127.0.0.1:${port}/health`)
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch(() => process.exit(1))
  .finally(() => clearTimeout(timer));
