from talentdesk.cli import main

if __name__ == "__main__":  # guard: demo's worker process re-imports the main module
    raise SystemExit(main())
