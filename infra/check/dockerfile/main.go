// dockerfile-check parses a Dockerfile with BuildKit's own parser (the one `docker build` uses), runs BuildKit's
// build checks (the rules of `docker build --check`), then the project's rules: several stages, a non-root USER
// and a HEALTHCHECK in the final stage, every base image pinned to a version or a digest, and the ENV values
// the final stage must set (-env NAME=VALUE, repeatable).
//
// Usage: dockerfile-check [-env NODE_ENV=production] <Dockerfile>...   Exit 1 with one line per finding.
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type envFlags []string

func (e *envFlags) String() string     { return strings.Join(*e, ",") }
func (e *envFlags) Set(v string) error { *e = append(*e, v); return nil }

func main() {
	var requiredEnv envFlags
	flag.Var(&requiredEnv, "env", "NAME=VALUE the final stage must set (repeatable)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: dockerfile-check [-env NAME=VALUE] <Dockerfile>...")
		os.Exit(2)
	}
	failed := false
	for _, file := range flag.Args() {
		findings := check(file, requiredEnv)
		for _, f := range findings {
			fmt.Println(f)
		}
		if len(findings) > 0 {
			failed = true
		} else {
			fmt.Printf("%s: ok (BuildKit parser and checks, non-root USER, HEALTHCHECK, pinned bases)\n", file)
		}
	}
	if failed {
		os.Exit(1)
	}
}

func check(file string, requiredEnv []string) []string {
	var findings []string
	report := func(line int, format string, args ...any) {
		findings = append(findings, fmt.Sprintf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	source, err := os.Open(file)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", file, err)}
	}
	defer source.Close()
	result, err := parser.Parse(source)
	if err != nil {
		return []string{fmt.Sprintf("%s: parse error: %v", file, err)}
	}
	for _, w := range result.Warnings {
		report(w.Location.Start.Line, "parser: %s", w.Short)
	}
	lint := linter.New(&linter.Config{Warn: func(rule, description, url, message string, location []parser.Range) {
		report(firstLine(location), "build check %s: %s", rule, message)
	}})
	stages, metaArgs, err := instructions.Parse(result.AST, lint)
	if err != nil {
		return append(findings, fmt.Sprintf("%s: %v", file, err))
	}
	if len(stages) < 2 {
		report(1, "one stage only: build in earlier stages and copy the result into a small final stage")
	}
	names := map[string]bool{}
	for _, stage := range stages {
		checkBase(stage, expand(stage.BaseName, metaArgs), names, report)
		if stage.Name != "" {
			names[strings.ToLower(stage.Name)] = true
		}
	}
	if len(stages) > 0 {
		checkFinal(stages[len(stages)-1], requiredEnv, report)
	}
	return findings
}

var pinnedTag = regexp.MustCompile(`^v?\d+\.\d+`)

// checkBase: a base that is not an earlier stage carries a digest or a tag naming at least major.minor.
func checkBase(stage instructions.Stage, base string, stages map[string]bool, report func(int, string, ...any)) {
	line := firstLine(stage.Location)
	if stages[strings.ToLower(base)] || base == "scratch" {
		return
	}
	if strings.Contains(base, "$") {
		report(line, "base image %q uses a variable with no default", base)
		return
	}
	if strings.Contains(base, "@sha256:") {
		return
	}
	name := base
	if slash := strings.LastIndex(name, "/"); slash >= 0 {
		name = name[slash+1:]
	}
	colon := strings.LastIndex(name, ":")
	if colon < 0 {
		report(line, "base image %q is not pinned (no tag: it means latest)", base)
		return
	}
	if tag := name[colon+1:]; !pinnedTag.MatchString(tag) {
		report(line, "base image %q is not pinned: the tag %q names no major.minor version (nor a digest)", base, tag)
	}
}

func checkFinal(stage instructions.Stage, requiredEnv []string, report func(int, string, ...any)) {
	line := firstLine(stage.Location)
	var user *instructions.UserCommand
	var health *instructions.HealthCheckCommand
	env := map[string]string{}
	for _, command := range stage.Commands {
		switch c := command.(type) {
		case *instructions.UserCommand:
			user = c
		case *instructions.HealthCheckCommand:
			health = c
		case *instructions.EnvCommand:
			for _, kv := range c.Env {
				env[kv.Key] = kv.Value
			}
		}
	}
	if user == nil {
		report(line, "final stage %q has no USER: the container would run as root", stageLabel(stage))
	} else if who := strings.SplitN(user.User, ":", 2)[0]; who == "" || who == "root" || who == "0" {
		report(firstLine(user.Location()), "final stage %q runs as root (USER %s)", stageLabel(stage), user.User)
	}
	if health == nil {
		report(line, "final stage %q has no HEALTHCHECK", stageLabel(stage))
	} else if len(health.Health.Test) == 0 || strings.EqualFold(health.Health.Test[0], "NONE") {
		report(firstLine(health.Location()), "final stage %q disables the HEALTHCHECK", stageLabel(stage))
	}
	for _, pair := range requiredEnv {
		name, want, _ := strings.Cut(pair, "=")
		if got, ok := env[name]; !ok || strings.Trim(got, `"'`) != want {
			report(line, "final stage %q does not set ENV %s=%s", stageLabel(stage), name, want)
		}
	}
}

// expand replaces ${NAME} and $NAME of the ARGs declared before the first FROM by their defaults.
func expand(base string, metaArgs []instructions.ArgCommand) string {
	for _, arg := range metaArgs {
		for _, kv := range arg.Args {
			if kv.Value != nil {
				base = strings.ReplaceAll(base, "${"+kv.Key+"}", *kv.Value)
				base = strings.ReplaceAll(base, "$"+kv.Key, *kv.Value)
			}
		}
	}
	return base
}

func stageLabel(stage instructions.Stage) string {
	if stage.Name != "" {
		return stage.Name
	}
	return stage.BaseName
}

func firstLine(location []parser.Range) int {
	if len(location) == 0 {
		return 0
	}
	return location[0].Start.Line
}
