// esbuild bundles imported stylesheets into the view's inline <style>.
declare module "*.css";
