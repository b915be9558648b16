package org.xorlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Data;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;

/**
 * The exported script's text (ScriptCommandTest runs it): with every default it is the notebook's code, its names,
 * steps and printouts, and nothing of the options; each option adds only its own lines.
 */
class NotebookScriptTest {
    private static final String NOTEBOOK = NotebookScript.of(TrainingConfig.NOTEBOOK, 10_000);

    /**
     * Code lines of the seed notebook (shared/seed/000_21096487a2026c8e.txt) that the script keeps as they are,
     * compared with their indentation and spacing normalised (the seed's copy lost its indentation).
     */
    private static final List<String> NOTEBOOK_LINES = List.of(
            "import numpy as np",
            "def sigmoid(x):",
            "return 1 / (1 + np.exp(-x))",
            "def sigmoid_derivative(x):",
            "return x * (1 - x) # Derivative of the sigmoid function",
            "np.random.seed(42)",
            "input_dim = 2 # Number of input features",
            "hidden_dim = 2 # Number of hidden neurons",
            "output_dim = 1 # Number of output neurons",
            "# Weights and biases as column vectors",
            "W1 = np.random.rand(hidden_dim, input_dim) # Shape: (h, d)",
            "b1 = np.random.rand(hidden_dim, 1) # Shape: (h, 1)",
            "W2 = np.random.rand(output_dim, hidden_dim) # Shape: (o, h)",
            "b2 = np.random.rand(output_dim, 1) # Shape: (o, 1)",
            "print(\"Initial Weights (Input to Hidden):\\n\", W1)",
            "print(\"Initial Weights (Hidden to Output):\\n\", W2)",
            "def forward_pass(x, W1, b1, W2, b2):",
            "# x is a column vector (d, 1)",
            "z1 = np.dot(W1, x) + b1 # (h, d) * (d, 1) + (h, 1) => (h, 1)",
            "v1 = sigmoid(z1) # Apply activation function (h, 1)",
            "z2 = np.dot(W2, v1) + b2 # (o, h) * (h, 1) + (o, 1) => (o, 1)",
            "y_hat = sigmoid(z2) # Apply activation function (o, 1)",
            "return v1, y_hat",
            "def compute_loss(y_true, y_pred):",
            "return np.mean((y_true - y_pred) ** 2)",
            "x_sample = np.array([[0], [1]]) # Example input",
            "y_true_sample = np.array([[1]]) # Example true output",
            "v1_sample, y_pred_sample = forward_pass(x_sample, W1, b1, W2, b2)",
            "loss_sample = compute_loss(y_true_sample, y_pred_sample)",
            "print(f'Loss for the initialized weights: {loss_sample}')",
            "def backpropagation(x, v1, y_hat, y, W1, b1, W2, b2, learning_rate):",
            "# 1. Output layer error",
            "error_output = y_hat - y # Shape: (o, 1)",
            "d_output = error_output * sigmoid_derivative(y_hat) # (o, 1)",
            "# 2. Hidden layer error (backpropagate)",
            "error_hidden = np.dot(W2.T, d_output) # (h, 1)",
            "d_hidden = error_hidden * sigmoid_derivative(v1) # (h, 1)",
            "# 3. Update weights and biases for output layer",
            "W2 -= learning_rate * np.dot(d_output, v1.T) # (o, h) -= (o, 1) * (1, h)",
            "b2 -= learning_rate * d_output # (o, 1)",
            "# 4. Update weights and biases for hidden layer",
            "W1 -= learning_rate * np.dot(d_hidden, x.T) # (h, d) -= (h, 1) * (1, d)",
            "b1 -= learning_rate * d_hidden # (h, 1)",
            "return W1, b1, W2, b2",
            "# Sample data",
            "inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])",
            "outputs = np.array([[0], [1], [1], [0]]) # XOR problem",
            "# Training parameters",
            "epochs = 10000",
            "learning_rate = 0.1",
            "# Training loop",
            "for epoch in range(epochs):",
            "total_loss = 0",
            "for i in range(len(inputs)):",
            "x = inputs[i].reshape(-1, 1)",
            "y = outputs[i].reshape(-1, 1)",
            "v1, y_hat = forward_pass(x, W1, b1, W2, b2) # intermediate results (such as v1) are saved for "
                    + "backpropagation",
            "W1, b1, W2, b2 = backpropagation(x, v1, y_hat, y, W1, b1, W2, b2, learning_rate)",
            "total_loss += compute_loss(y, y_hat)",
            "if epoch % 1000 == 0:",
            "print(f'Epoch {epoch+1}, Loss: {total_loss / len(inputs)}')",
            "# Test the trained model",
            "_, final_output = forward_pass(inputs.T, W1, b1, W2, b2)",
            "print(\"Predicted Output after Training:\\n\", final_output)");

    private static List<String> normalised(String script) {
        return script.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void withEveryDefaultItIsTheNotebooksCodeInItsOrder() {
        List<String> lines = normalised(NOTEBOOK);
        int at = -1;
        for (String expected : NOTEBOOK_LINES) {
            int found = lines.subList(at + 1, lines.size()).indexOf(expected);
            assertThat(found).as("'" + expected + "' after line " + (at + 1)).isNotNegative();
            at += 1 + found;
        }
    }

    @Test
    void withEveryDefaultThereIsNoOptionsCode() {
        assertThat(NOTEBOOK).doesNotContain("update_parameter", "batch_size", "permutation", "input_features",
                "reg_rate", "np.isfinite", "tanh", "relu", "z_out", "W3", "grad_", "Beyond the notebook", "/ m",
                "test_");
        // Only NumPy and the standard library's argparse and csv (for --csv).
        assertThat(NOTEBOOK.lines().filter(l -> l.startsWith("import ") || l.startsWith("from ")))
                .containsExactly("import argparse", "import csv", "import numpy as np");
        assertThat(NOTEBOOK).contains("writer.writerow([\"epoch\", \"loss\"])", "losses.append(total_loss / len(inputs))");
        assertThat(NOTEBOOK).endsWith("\n").doesNotContain("\r", "\t");
    }

    @Test
    void aDeeperNetworkIsWrittenOutLayerByLayerWithTheNotebooksNames() {
        TrainingOptions o = TrainingOptions.NOTEBOOK.withDeeperLayers(List.of(3, 2)).withActivation(Activation.TANH)
                .withLoss(TrainingOptions.Loss.CROSS_ENTROPY).withOptimizer(TrainingOptions.Optimizer.ADAM)
                .withRegularization(TrainingOptions.Regularization.L2, 0.01).withOrder(TrainingOptions.Order.SHUFFLE);
        String script = NotebookScript.of(new TrainingConfig(org.xorlab.engine.Dataset.XOR, 4, 7, 0.05, 2, o), 300);
        assertThat(script).contains("np.random.seed(7)", "hidden1_dim = 4", "hidden2_dim = 3", "hidden3_dim = 2",
                "W4 = np.random.rand(output_dim, hidden3_dim)  # Shape: (o, h3)",
                "def forward_pass(x, W1, b1, W2, b2, W3, b3, W4, b4):", "v3 = tanh(z3)", "y_hat = sigmoid(z_out)",
                "return v1, v2, v3, z_out, y_hat", "d_hidden1 = error_hidden1 * tanh_derivative(v1)",
                "grad_W4 += reg_rate * W4", "update_parameter(\"b1\", b1, grad_b1, learning_rate)",
                "beta2 = 0.999", "order = np.random.permutation(len(inputs))", "batch = order[start:start + batch_size]",
                "batch_size = 2", "reg_rate = 0.01", "epochs = 300", "learning_rate = 0.05", "t += 1",
                "  - adam (beta1 0.9, beta2 0.999, epsilon 1e-08)", "  - shuffled samples")
                .doesNotContain("grad_b1 += reg_rate", "input_features");
    }

    @Test
    void pointsAndATestSetAreEmbeddedAsPythonFloats() {
        Samples train = Samples.of(new double[] {0.1, -0.0, 1e-5}, new double[] {2.5, 3, -4}, new double[] {1, 0, 0.25});
        Samples test = Samples.of(new double[] {7}, new double[] {8}, new double[] {1});
        TrainingOptions o = TrainingOptions.NOTEBOOK.withData(new Data("points.csv", train, test))
                .withFeatures(List.of(Feature.X1X2, Feature.SIN2));
        String script = NotebookScript.of(new TrainingConfig(org.xorlab.engine.Dataset.XOR, 2, 42, 0.1, 3, o), 20);
        assertThat(script).contains("    [0.1, 2.5, 1.0],", "    [-0.0, 3.0, 0.0],", "    [1e-05, -4.0, 0.25],",
                "test_points = np.array([\n    [7.0, 8.0, 1.0],\n])",
                "return np.column_stack([x1 * x2, np.sin(x2)])  # x1x2,sin2", "inputs = input_features(points)",
                "input_dim = 2", "x_sample = input_features(np.array([[0.1, 2.5]])).T",
                "batch_size = 3  # Samples per weight update: all of them, batch gradient descent",
                "writer.writerow([\"epoch\", \"loss\", \"test_loss\"])", "test_losses.append(");
    }

    @Test
    void aLineBreakInTheDataNameStaysInsideTheComment() {
        Samples train = Samples.of(new double[] {0, 1}, new double[] {1, 0}, new double[] {1, 0});
        TrainingOptions o = TrainingOptions.NOTEBOOK.withData(Data.of("a\nimport os\r\u2028.csv", train));
        String script = NotebookScript.of(new TrainingConfig(org.xorlab.engine.Dataset.XOR, 2, 42, 0.1, 1, o), 1);
        assertThat(script).contains("learning a?import os??.csv by", "training points of a?import os??.csv (x1")
                .doesNotContain("\nimport os", "\r", "\u2028");
    }

    @Test
    void epochsMustBeAtLeastOne() {
        assertThatThrownBy(() -> NotebookScript.of(TrainingConfig.NOTEBOOK, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
